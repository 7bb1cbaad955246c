package io.ordersaga.order.orders;

/** Where an order is in the saga. The order of the constants is the order of progress. */
public enum OrderStatus {
    /** Placed; waiting for inventory to reserve the lines. */
    PENDING,
    INVENTORY_RESERVED,
    PAYMENT_AUTHORIZED,
    /** The shipment is scheduled. Terminal. */
    CONFIRMED,
    /** Terminal, with a {@link CancellationReason}. */
    CANCELLED;

    public boolean isTerminal() {
        return this == CONFIRMED || this == CANCELLED;
    }

    boolean hasReached(OrderStatus other) {
        return compareTo(other) >= 0;
    }
}
