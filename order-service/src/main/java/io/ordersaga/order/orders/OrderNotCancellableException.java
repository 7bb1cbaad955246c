package io.ordersaga.order.orders;

import java.util.UUID;

/** The customer asked to cancel an order that already ended (shipment scheduled, or cancelled). */
public class OrderNotCancellableException extends RuntimeException {

    private final OrderStatus status;

    OrderNotCancellableException(UUID orderId, OrderStatus status) {
        super("order " + orderId + " is " + status + " and can no longer be cancelled");
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
