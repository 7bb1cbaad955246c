package io.ordersaga.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The body of GET /orders/{id} and POST /orders/{id}/cancel. */
record OrderView(
        UUID orderId,
        OrderStatus status,
        String customerId,
        String customerEmail,
        List<Line> lines,
        BigDecimal total,
        String currency,
        Address shippingAddress,
        CancellationReason cancellationReason,
        String trackingNumber,
        Instant placedAt,
        Instant completedAt,
        List<Step> timeline) {

    record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}

    record Address(String recipientName, String street, String city, String postalCode, String country) {}

    record Step(SagaStep step, Instant at, String detail) {}

    static OrderView of(Order order) {
        var address = order.shippingAddress();
        return new OrderView(
                order.id(),
                order.status(),
                order.customerId(),
                order.customerEmail(),
                order.lines().stream()
                        .map(line -> new Line(line.sku(), line.quantity(), line.unitPrice(), line.lineTotal()))
                        .toList(),
                order.total(),
                order.currency(),
                new Address(
                        address.recipientName(),
                        address.street(),
                        address.city(),
                        address.postalCode(),
                        address.country()),
                order.cancellationReason().orElse(null),
                order.trackingNumber().orElse(null),
                order.placedAt(),
                order.completedAt().orElse(null),
                order.timeline().stream()
                        .map(entry -> new Step(entry.step(), entry.occurredAt(), entry.detail()))
                        .toList());
    }
}
