package io.ordersaga.order.orders;

import java.time.Instant;
import java.util.Objects;

/**
 * A saga step the order went through, when, and an optional detail (tracking number, reason).
 * Stored in the order's row, in its {@code timeline} JSON array, by these component names.
 */
public record TimelineEntry(SagaStep step, Instant occurredAt, String detail) {

    public TimelineEntry {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
