package io.ordersaga.messaging.relay;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places orders one transaction at a time at a steady pace, and remembers the event id of every
 * placement that committed: the events the relay owes to Kafka.
 */
final class OrderStream implements AutoCloseable {

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "order-stream"));
    private final Set<UUID> committed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();

    private OrderStream() {}

    static OrderStream start(ProbeOrders orders, Duration period) {
        var stream = new OrderStream();
        stream.executor.scheduleAtFixedRate(
                () -> {
                    try {
                        stream.committed.add(orders.place(null).getEnvelope().getEventId());
                    } catch (RuntimeException e) {
                        // The service is going away under the stream (the tests stop it on purpose).
                        stream.failures.incrementAndGet();
                    }
                },
                0,
                period.toNanos(),
                TimeUnit.NANOSECONDS);
        return stream;
    }

    /** The events committed so far. */
    Set<UUID> committed() {
        return Set.copyOf(committed);
    }

    int failures() {
        return failures.get();
    }

    /** Stops placing orders; returns once the placement in progress, if any, has finished. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
