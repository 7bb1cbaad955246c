package io.ordersaga.order.orders;

import java.util.Optional;
import java.util.UUID;

/**
 * The port through which the order announces its saga transitions.
 *
 * <p>{@link OrderManagement} calls it inside the transaction that changes the order, so an
 * implementation that appends to the transactional outbox publishes exactly the committed
 * transitions. Each method is called once per order and transition, never for a duplicate or
 * late reply. The messaging adapter implements it (OrderPlaced, OrderConfirmed, OrderCancelled);
 * the domain knows nothing of Kafka or Avro.
 */
public interface OrderEvents {

    /** The order was placed (PENDING): starts the saga. */
    void placed(Order order);

    /**
     * The order is CONFIRMED: the shipment is scheduled ({@link Order#trackingNumber()}).
     *
     * @param causationId the id of the ShipmentScheduled event that confirmed it
     */
    void confirmed(Order order, UUID causationId);

    /**
     * The order is CANCELLED ({@link Order#cancellationReason()}); participants compensate.
     *
     * @param causationId the id of the failure reply that cancelled it; empty when the customer or the
     *     saga's deadline did
     */
    void cancelled(Order order, Optional<UUID> causationId);
}
