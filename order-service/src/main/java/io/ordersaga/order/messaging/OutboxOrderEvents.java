package io.ordersaga.order.messaging;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import io.ordersaga.messaging.outbox.OutboxWriter;
import io.ordersaga.order.orders.CancellationReason;
import io.ordersaga.order.orders.Order;
import io.ordersaga.order.orders.OrderEvents;
import io.ordersaga.order.orders.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The order's events as Avro records, appended to the outbox in the transaction of the change they
 * announce (docs/outbox.md): the relay publishes them on {@code orders.events}, keyed by order id.
 */
@Component
class OutboxOrderEvents implements OrderEvents {

    /** The version of the order schemas in shared-events' schema history this code writes. */
    private final OutboxWriter outbox;

    OutboxOrderEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void placed(Order order) {
        outbox.append(OrderPlaced.newBuilder()
                .setEnvelope(EventEnvelopes.of(OrderPlaced.class, order.id(), order.placedAt(), null))
                .setCustomerId(order.customerId())
                .setCustomerEmail(order.customerEmail())
                .setLines(order.lines().stream().map(line -> line(line, order)).toList())
                .setTotal(money(order.total(), order))
                .setShippingAddress(address(order))
                .setPaymentToken(order.paymentToken())
                .build());
    }

    @Override
    public void confirmed(Order order, UUID causationId) {
        outbox.append(OrderConfirmed.newBuilder()
                .setEnvelope(EventEnvelopes.of(OrderConfirmed.class, order.id(), completedAt(order), causationId))
                .setCustomerId(order.customerId())
                .setCustomerEmail(order.customerEmail())
                .setTotal(money(order.total(), order))
                .setTrackingNumber(order.trackingNumber().orElse(null))
                .build());
    }

    @Override
    public void cancelled(Order order, Optional<UUID> causationId) {
        var reason = order.cancellationReason()
                .orElseThrow(() -> new IllegalStateException("order " + order.id() + " is cancelled without a reason"));
        outbox.append(OrderCancelled.newBuilder()
                .setEnvelope(EventEnvelopes.of(
                        OrderCancelled.class, order.id(), completedAt(order), causationId.orElse(null)))
                .setCustomerId(order.customerId())
                .setCustomerEmail(order.customerEmail())
                .setReason(reason(reason))
                .setTotal(money(order.total(), order))
                .build());
    }

    /** The contract's reasons, spelled out so a reason added to the domain fails the build here. */
    static io.ordersaga.events.order.CancellationReason reason(CancellationReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> io.ordersaga.events.order.CancellationReason.OUT_OF_STOCK;
            case PAYMENT_DECLINED -> io.ordersaga.events.order.CancellationReason.PAYMENT_DECLINED;
            case SHIPPING_UNAVAILABLE -> io.ordersaga.events.order.CancellationReason.SHIPPING_UNAVAILABLE;
            case CUSTOMER_REQUEST -> io.ordersaga.events.order.CancellationReason.CUSTOMER_REQUEST;
            case TIMEOUT -> io.ordersaga.events.order.CancellationReason.TIMEOUT;
        };
    }

    /** occurredAt is when the order changed (the timeline's time), not when the event was built. */
    private static Instant completedAt(Order order) {
        return order.completedAt()
                .orElseThrow(() -> new IllegalStateException("order " + order.id() + " has not ended"));
    }

    private static io.ordersaga.events.common.OrderLine line(OrderLine line, Order order) {
        return io.ordersaga.events.common.OrderLine.newBuilder()
                .setSku(line.sku())
                .setQuantity(line.quantity())
                .setUnitPrice(money(line.unitPrice(), order))
                .build();
    }

    private static Money money(BigDecimal amount, Order order) {
        return Money.newBuilder()
                .setAmount(amount)
                .setCurrency(order.currency())
                .build();
    }

    private static Address address(Order order) {
        var address = order.shippingAddress();
        return Address.newBuilder()
                .setRecipientName(address.recipientName())
                .setStreet(address.street())
                .setCity(address.city())
                .setPostalCode(address.postalCode())
                .setCountry(address.country())
                .build();
    }
}
