package io.ordersaga.order.orders;

import java.util.UUID;

/** No order has this id. */
public class OrderNotFoundException extends RuntimeException {

    private final UUID orderId;

    OrderNotFoundException(UUID orderId) {
        super("no order " + orderId);
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
