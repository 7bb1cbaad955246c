package io.ordersaga.order.orders;

import java.util.List;
import java.util.Objects;

/** A validated request to place an order; every amount is in {@code currency}. */
public record PlaceOrder(
        String customerId,
        String customerEmail,
        List<OrderLine> lines,
        String currency,
        ShippingAddress shippingAddress,
        String paymentToken) {

    public PlaceOrder {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(paymentToken, "paymentToken");
        lines = List.copyOf(lines);
    }
}
