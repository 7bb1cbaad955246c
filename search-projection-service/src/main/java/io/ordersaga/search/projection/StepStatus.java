package io.ordersaga.search.projection;

/**
 * Status of one participant's step (inventory, payment, shipment), derived from the facts the
 * document holds: {@code PENDING} while the order is in flight and nothing is known, {@code NONE}
 * when the order ended without the step happening.
 */
public enum StepStatus {
    PENDING,
    NONE,
    RESERVED,
    COMMITTED,
    REJECTED,
    RELEASED,
    AUTHORIZED,
    DECLINED,
    REFUNDED,
    SCHEDULED,
    FAILED,
    CANCELLED
}
