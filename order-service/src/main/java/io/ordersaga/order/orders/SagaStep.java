package io.ordersaga.order.orders;

/** One step of an order's timeline. */
public enum SagaStep {
    PLACED,
    INVENTORY_RESERVED,
    INVENTORY_REJECTED,
    PAYMENT_AUTHORIZED,
    PAYMENT_FAILED,
    SHIPMENT_SCHEDULED,
    SHIPMENT_FAILED,
    CANCELLATION_REQUESTED,
    DEADLINE_PASSED,
    CONFIRMED,
    CANCELLED
}
