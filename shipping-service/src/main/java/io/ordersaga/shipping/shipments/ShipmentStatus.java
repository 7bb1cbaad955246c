package io.ordersaga.shipping.shipments;

/** Where a shipment stands. Every status is final except {@link #SCHEDULED}, which a cancellation stops. */
public enum ShipmentStatus {
    /** A carrier shipment is booked. */
    SCHEDULED,
    /** No shipment could be booked: the destination country is not served. */
    FAILED,
    /** The order was cancelled after the shipment was booked: it must not ship. */
    CANCELLED,
    /**
     * The order was cancelled before its payment reached this service. A marker: the
     * PaymentAuthorized arriving later finds it and books nothing.
     */
    CANCELLED_BEFORE_SCHEDULING
}
