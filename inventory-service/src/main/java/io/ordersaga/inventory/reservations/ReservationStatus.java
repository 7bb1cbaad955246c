package io.ordersaga.inventory.reservations;

/** Where an order stands with inventory. Only {@code RESERVED} holds stock. */
public enum ReservationStatus {
    /** Every line is reserved: the units count in {@code products.reserved}. */
    RESERVED,
    /** The order asked for stock that was missing or unknown; nothing was reserved. */
    REJECTED,
    /** The order was cancelled and its reserved units went back to stock. */
    RELEASED,
    /** The order was confirmed: its units left the warehouse ({@code on_hand} was decremented). */
    COMMITTED,
    /**
     * The order was cancelled before inventory saw it placed: a marker, so a late OrderPlaced is
     * not acted on.
     */
    CANCELLED_BEFORE_RESERVE
}
