package io.ordersaga.inventory.messaging;

import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.inventory.reservations.ReservationLine;
import io.ordersaga.inventory.reservations.ReservationOutcome;
import io.ordersaga.inventory.reservations.StockReservations;
import io.ordersaga.messaging.consumer.EventHandler;
import io.ordersaga.messaging.consumer.InvalidEventException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Inventory's reactions to the order's events (orders.events). Each runs in the transaction the
 * messaging library opens with the event's inbox record, so the stock change, the reservation's new
 * status and the reply in the outbox commit together, once per event.
 *
 * <p>The replies are composed here rather than in the domain because InventoryReserved carries
 * state inventory does not own (total, payment token, e-mail, address): it copies it forward from
 * the OrderPlaced it answers (event-carried state transfer, docs/events.md).
 */
@Component
class OrderEventHandlers {

    private final StockReservations stock;
    private final InventoryReplies replies;

    OrderEventHandlers(StockReservations stock, InventoryReplies replies) {
        this.stock = stock;
        this.replies = replies;
    }

    @EventHandler
    void on(OrderPlaced event) {
        var orderId = event.getEnvelope().getOrderId();
        switch (stock.reserve(orderId, lines(event))) {
            case ReservationOutcome.Reserved reserved -> replies.reserved(event, reserved.reservation());
            case ReservationOutcome.Rejected rejected -> replies.rejected(event, rejected);
            case ReservationOutcome.AlreadyDecided ignored -> {}
        }
    }

    @EventHandler
    void on(OrderCancelled event) {
        stock.release(event.getEnvelope().getOrderId()).ifPresent(reservation -> replies.released(event, reservation));
    }

    @EventHandler
    void on(OrderConfirmed event) {
        stock.commit(event.getEnvelope().getOrderId());
    }

    /** The order's lines; an order without lines or with a non-positive quantity breaks the contract. */
    private static List<ReservationLine> lines(OrderPlaced event) {
        if (event.getLines().isEmpty()) {
            throw new InvalidEventException("OrderPlaced " + event.getEnvelope().getEventId() + " has no lines");
        }
        try {
            return event.getLines().stream()
                    .map(line -> new ReservationLine(line.getSku(), line.getQuantity()))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(
                    "OrderPlaced " + event.getEnvelope().getEventId() + " has an invalid line: " + e.getMessage(), e);
        }
    }
}
