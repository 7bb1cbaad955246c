package io.ordersaga.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** A saga step the order went through, when, and an optional detail (tracking number, reason). */
@Embeddable
public record TimelineEntry(
        @Enumerated(EnumType.STRING) @Column(name = "step") SagaStep step,
        @Column(name = "occurred_at") Instant occurredAt,
        @Column(name = "detail") String detail) {}
