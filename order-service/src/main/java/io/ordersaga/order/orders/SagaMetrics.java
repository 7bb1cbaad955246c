package io.ordersaga.order.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code orders.saga.duration}: placed to terminal, tagged by outcome, with p50/p95/p99 and a
 * histogram (the load test aggregates the buckets); {@code orders.outcome}: a counter per outcome and
 * reason. Both are recorded only once the transition commits, so a rolled-back attempt that is retried
 * counts once.
 */
@Component
class SagaMetrics {

    static final String DURATION = "orders.saga.duration";
    static final String OUTCOME = "orders.outcome";
    private static final String NO_REASON = "none";

    private final MeterRegistry registry;

    SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void ended(Order order) {
        var outcome = order.status().name().toLowerCase(Locale.ROOT);
        var reason = order.cancellationReason().map(Enum::name).orElse(NO_REASON);
        var duration = order.sagaDuration()
                .orElseThrow(() -> new IllegalStateException("order " + order.id() + " has not ended"));
        Runnable record = () -> {
            Timer.builder(DURATION)
                    .description("Time from an order being placed to it being confirmed or cancelled")
                    .tag("outcome", outcome)
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(duration);
            Counter.builder(OUTCOME)
                    .description("Orders that reached a terminal state, by outcome and cancellation reason")
                    .tag("outcome", outcome)
                    .tag("reason", reason)
                    .register(registry)
                    .increment();
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }
}
