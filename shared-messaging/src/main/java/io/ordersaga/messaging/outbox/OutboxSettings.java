package io.ordersaga.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a publishing service appends to its outbox, and how often the outbox is emptied.
 *
 * @param aggregateType the publishing context, e.g. "orders": every event the service writes is
 *     routed to the topic {@code <aggregateType>.events}
 * @param cleanupInterval how often the rows of committed events are deleted (docs/outbox.md#retention-a-cleanup-empties-the-table-every-second):
 *     the table holds about this long's worth of events
 */
@ConfigurationProperties("messaging.outbox")
public record OutboxSettings(
        String aggregateType, @DefaultValue("1s") Duration cleanupInterval) {

    public OutboxSettings {
        if (aggregateType == null || !aggregateType.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException(
                    "messaging.outbox.aggregate-type must be a lower-case topic-safe name, was " + aggregateType);
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException(
                    "messaging.outbox.cleanup-interval must be positive, was " + cleanupInterval);
        }
    }

    /** The topic this service's events are relayed to. */
    public String topic() {
        return topic(aggregateType);
    }

    /** The topic events of {@code aggregateType} are relayed to: what the relay's Event Router computes too. */
    public static String topic(String aggregateType) {
        return aggregateType + ".events";
    }
}
