package io.ordersaga.payment.payments;

/** Where a payment stands. Every status is final except {@link #AUTHORIZED}, which can be refunded. */
public enum PaymentStatus {
    /** The total was authorized. */
    AUTHORIZED,
    /** Nothing was charged: see the {@link FailureReason}. */
    DECLINED,
    /** The order was cancelled after the authorization; the amount went back. */
    REFUNDED,
    /**
     * The order was cancelled before its stock reservation reached this service. A marker: the
     * InventoryReserved arriving later finds it and charges nothing.
     */
    CANCELLED_BEFORE_AUTHORIZATION
}
