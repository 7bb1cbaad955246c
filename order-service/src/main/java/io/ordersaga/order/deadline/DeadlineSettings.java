package io.ordersaga.order.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orders.deadline.*}: an order still in flight {@code timeout} after it was placed is cancelled
 * with TIMEOUT. The job looks every {@code checkInterval}, locking at most {@code batchSize} orders
 * per transaction.
 */
@ConfigurationProperties("orders.deadline")
record DeadlineSettings(
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("1s") Duration checkInterval,
        @DefaultValue("100") int batchSize) {}
