package io.ordersaga.order.support;

import io.ordersaga.order.orders.CancellationReason;
import io.ordersaga.order.orders.Order;
import io.ordersaga.order.orders.OrderEvents;
import io.ordersaga.order.orders.OrderStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the domain announces through its port, then hands it on to the real outbox adapter,
 * so a test can assert what was published for an order without reading Kafka. It records when the
 * port is called, inside the transaction: the tests that use it assert after that transaction ended.
 */
public class RecordingOrderEvents implements OrderEvents {

    public enum Kind {
        PLACED,
        CONFIRMED,
        CANCELLED
    }

    public record Published(Kind kind, UUID orderId, OrderStatus status, CancellationReason reason, UUID causationId) {}

    private final OrderEvents outbox;
    private final List<Published> published = new CopyOnWriteArrayList<>();

    public RecordingOrderEvents(OrderEvents outbox) {
        this.outbox = outbox;
    }

    @Override
    public void placed(Order order) {
        outbox.placed(order);
        record(Kind.PLACED, order, Optional.empty());
    }

    @Override
    public void confirmed(Order order, UUID causationId) {
        outbox.confirmed(order, causationId);
        record(Kind.CONFIRMED, order, Optional.of(causationId));
    }

    @Override
    public void cancelled(Order order, Optional<UUID> causationId) {
        outbox.cancelled(order, causationId);
        record(Kind.CANCELLED, order, causationId);
    }

    private void record(Kind kind, Order order, Optional<UUID> causationId) {
        published.add(new Published(
                kind, order.id(), order.status(), order.cancellationReason().orElse(null), causationId.orElse(null)));
    }

    /** What was published for one order, in order. */
    public List<Published> of(UUID orderId) {
        return published.stream().filter(p -> p.orderId().equals(orderId)).toList();
    }
}
