package io.ordersaga.search.projection;

/** The order's status as the order service has it: in flight until one of the two ends. */
public enum OrderStatus {
    PLACED,
    CONFIRMED,
    CANCELLED
}
