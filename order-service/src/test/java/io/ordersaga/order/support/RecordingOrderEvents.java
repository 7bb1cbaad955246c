package io.ordersaga.order.support;

import io.ordersaga.order.orders.CancellationReason;
import io.ordersaga.order.orders.Order;
import io.ordersaga.order.orders.OrderEvents;
import io.ordersaga.order.orders.OrderStatus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the outbox adapter in service integration tests: records what the order service
 * would publish (the domain's own port; no Kafka involved).
 */
public class RecordingOrderEvents implements OrderEvents {

    public enum Kind {
        PLACED,
        CONFIRMED,
        CANCELLED
    }

    public record Published(Kind kind, UUID orderId, OrderStatus status, CancellationReason reason) {}

    private final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void placed(Order order) {
        record(Kind.PLACED, order);
    }

    @Override
    public void confirmed(Order order) {
        record(Kind.CONFIRMED, order);
    }

    @Override
    public void cancelled(Order order) {
        record(Kind.CANCELLED, order);
    }

    private void record(Kind kind, Order order) {
        published.add(new Published(
                kind, order.id(), order.status(), order.cancellationReason().orElse(null)));
    }

    /** What was published for one order, in order. */
    public List<Published> of(UUID orderId) {
        return published.stream().filter(p -> p.orderId().equals(orderId)).toList();
    }
}
