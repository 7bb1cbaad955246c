package io.ordersaga.messaging.testapp;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.messaging.TraceContext;
import io.ordersaga.messaging.consumer.EventHandler;
import io.ordersaga.messaging.consumer.InvalidEventException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The test application's handler: records each event it applies in the {@code ledger} table, with
 * switches the tests flip to make it fail the ways real handlers fail. It writes its row before it
 * fails, so a failed attempt that was not rolled back would show as an extra row.
 */
@Component
public class OrderLedger {

    private final JdbcTemplate jdbc;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> transientFailuresLeft = new ConcurrentHashMap<>();
    private final Set<UUID> contractViolations = ConcurrentHashMap.newKeySet();
    private final Set<UUID> ordersHittingABug = ConcurrentHashMap.newKeySet();

    OrderLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlaced event) {
        apply(event.getEnvelope());
    }

    @EventHandler
    void on(OrderCancelled event) {
        apply(event.getEnvelope());
    }

    private void apply(EventEnvelope envelope) {
        UUID eventId = envelope.getEventId();
        attempts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
        jdbc.update(
                "insert into ledger (event_id, order_id, event_type, trace_id) values (?, ?, ?, ?)",
                eventId,
                envelope.getOrderId(),
                envelope.getEventType(),
                TraceContext.current().orElseThrow().traceId());
        if (contractViolations.contains(eventId)) {
            throw new InvalidEventException("event " + eventId + " breaks the contract");
        }
        if (ordersHittingABug.contains(envelope.getOrderId())) {
            throw new IllegalStateException("bug: order " + envelope.getOrderId() + " cannot be handled");
        }
        AtomicInteger failuresLeft = transientFailuresLeft.get(eventId);
        if (failuresLeft != null && failuresLeft.getAndDecrement() > 0) {
            throw new TransientDataAccessResourceException("database unavailable for a moment");
        }
    }

    /** The next {@code times} attempts to apply the event fail with a transient error. */
    public void failTransiently(UUID eventId, int times) {
        transientFailuresLeft.put(eventId, new AtomicInteger(times));
    }

    /** The handler rejects the event as invalid: {@link InvalidEventException}. */
    public void rejectAsInvalid(UUID eventId) {
        contractViolations.add(eventId);
    }

    /** A bug in the handler: every event of the order fails. */
    public void breakFor(UUID orderId) {
        ordersHittingABug.add(orderId);
    }

    /** The bug is fixed. */
    public void fixFor(UUID orderId) {
        ordersHittingABug.remove(orderId);
    }

    /** How often the handler was called for the event, failed attempts included. */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** How often the event's effect is in the ledger: committed applications. */
    public int timesApplied(UUID eventId) {
        return jdbc.queryForObject("select count(*) from ledger where event_id = ?", Integer.class, eventId);
    }

    /** The trace the handler ran in when it applied the event. */
    public String traceIdOf(UUID eventId) {
        return jdbc.queryForObject("select trace_id from ledger where event_id = ?", String.class, eventId);
    }
}
