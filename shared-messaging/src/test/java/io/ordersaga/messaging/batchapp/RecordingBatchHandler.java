package io.ordersaga.messaging.batchapp;

import io.ordersaga.messaging.consumer.ConsumedEvent;
import io.ordersaga.messaging.consumer.EventBatchHandler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The batch test application's handler: records every batch it completes, with switches the tests
 * flip to make a batch fail the ways a bulk write fails.
 */
@Component
public class RecordingBatchHandler implements EventBatchHandler {

    private final Recorder recorder = new Recorder();

    @Override
    public void on(List<ConsumedEvent> events) {
        recorder.on(events);
    }

    public Recorder recorder() {
        return recorder;
    }

    /** Records batches; usable on its own as the handler of another consumer group. */
    public static final class Recorder implements EventBatchHandler {

        private final List<List<UUID>> batches = new CopyOnWriteArrayList<>();
        private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> transientFailuresLeft = new ConcurrentHashMap<>();
        private final Set<UUID> ordersHittingABug = ConcurrentHashMap.newKeySet();

        @Override
        public void on(List<ConsumedEvent> events) {
            for (ConsumedEvent event : events) {
                UUID eventId = event.envelope().getEventId();
                attempts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
                if (ordersHittingABug.contains(event.envelope().getOrderId())) {
                    throw new IllegalStateException(
                            "bug: order " + event.envelope().getOrderId() + " cannot be projected");
                }
                AtomicInteger failuresLeft = transientFailuresLeft.get(eventId);
                if (failuresLeft != null && failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("bulk write rejected for a moment");
                }
            }
            batches.add(
                    events.stream().map(event -> event.envelope().getEventId()).toList());
        }

        /** The next {@code times} batches holding the event fail. */
        public void failTransiently(UUID eventId, int times) {
            transientFailuresLeft.put(eventId, new AtomicInteger(times));
        }

        /** Every batch holding an event of the order fails. */
        public void breakFor(UUID orderId) {
            ordersHittingABug.add(orderId);
        }

        /** Batches handled without failing, each as the event ids it held, in order. */
        public List<List<UUID>> completedBatches() {
            return List.copyOf(batches);
        }

        /** Event ids of every completed batch, in order of handling. */
        public List<UUID> handled() {
            return batches.stream().flatMap(List::stream).toList();
        }

        /** How often the event was handed to the handler, failed batches included. */
        public int attempts(UUID eventId) {
            AtomicInteger count = attempts.get(eventId);
            return count == null ? 0 : count.get();
        }
    }
}
