package io.ordersaga.order.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orders.idempotency.*}: an Idempotency-Key is honoured for {@code retention} after the order
 * it placed; after that it is forgotten, and a request that sends it again places a new order. The
 * expiry looks every {@code cleanupInterval}, deleting at most {@code cleanupBatchSize} keys per
 * statement.
 */
@ConfigurationProperties("orders.idempotency")
record IdempotencySettings(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1m") Duration cleanupInterval,
        @DefaultValue("1000") int cleanupBatchSize) {

    IdempotencySettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("orders.idempotency.retention must be positive, was " + retention);
        }
        if (cleanupBatchSize < 1) {
            throw new IllegalArgumentException(
                    "orders.idempotency.cleanup-batch-size must be at least 1, was " + cleanupBatchSize);
        }
    }
}
