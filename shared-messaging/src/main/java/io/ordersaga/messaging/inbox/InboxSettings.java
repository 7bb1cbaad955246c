package io.ordersaga.messaging.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the inbox remembers applied events (docs/idempotent-consumer.md#retention).
 *
 * @param retention how long an event id is kept after it was applied: at least the retention of the
 *     topics the service consumes, so anything Kafka can still deliver again is still recognised
 * @param cleanupInterval how often expired ids are deleted
 * @param cleanupBatchSize how many rows one delete statement removes, so a large backlog is deleted
 *     in short transactions instead of one long one holding locks
 */
@ConfigurationProperties("messaging.inbox")
public record InboxSettings(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("10000") int cleanupBatchSize) {

    public InboxSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("messaging.inbox.retention must be positive, was " + retention);
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException(
                    "messaging.inbox.cleanup-interval must be positive, was " + cleanupInterval);
        }
        if (cleanupBatchSize < 1) {
            throw new IllegalArgumentException(
                    "messaging.inbox.cleanup-batch-size must be at least 1, was " + cleanupBatchSize);
        }
    }
}
