package io.ordersaga.inventory.messaging;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.inventory.InventoryRejected;
import io.ordersaga.events.inventory.InventoryRejectionReason;
import io.ordersaga.events.inventory.InventoryReleased;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.inventory.reservations.RejectionReason;
import io.ordersaga.inventory.reservations.Reservation;
import io.ordersaga.inventory.reservations.ReservationOutcome;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import io.ordersaga.messaging.outbox.OutboxWriter;
import java.time.Clock;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Builds inventory's events (inventory.events) and appends them to the outbox in the current
 * transaction. Each reply's causation id is the event id of the order event it answers.
 */
@Component
class InventoryReplies {

    /** The version of the inventory schemas in shared-events' schema history this code writes. */
    private final OutboxWriter outbox;

    private final Clock clock;

    InventoryReplies(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void reserved(OrderPlaced cause, Reservation reservation) {
        outbox.append(InventoryReserved.newBuilder()
                .setEnvelope(envelope(InventoryReserved.class, cause.getEnvelope()))
                .setReservationId(reservation.reservationId())
                .setLines(stockLines(reservation))
                .setTotal(cause.getTotal())
                .setPaymentToken(cause.getPaymentToken())
                .setCustomerEmail(cause.getCustomerEmail())
                .setShippingAddress(cause.getShippingAddress())
                .build());
    }

    void rejected(OrderPlaced cause, ReservationOutcome.Rejected rejection) {
        outbox.append(InventoryRejected.newBuilder()
                .setEnvelope(envelope(InventoryRejected.class, cause.getEnvelope()))
                .setReason(reason(rejection.reason()))
                .setUnavailableSkus(rejection.unavailableSkus())
                .build());
    }

    void released(OrderCancelled cause, Reservation reservation) {
        outbox.append(InventoryReleased.newBuilder()
                .setEnvelope(envelope(InventoryReleased.class, cause.getEnvelope()))
                .setReservationId(reservation.reservationId())
                .setLines(stockLines(reservation))
                .build());
    }

    private static List<StockLine> stockLines(Reservation reservation) {
        return reservation.lines().stream()
                .map(line -> StockLine.newBuilder()
                        .setSku(line.sku())
                        .setQuantity(line.quantity())
                        .build())
                .toList();
    }

    private static InventoryRejectionReason reason(RejectionReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> InventoryRejectionReason.OUT_OF_STOCK;
            case UNKNOWN_SKU -> InventoryRejectionReason.UNKNOWN_SKU;
        };
    }

    private EventEnvelope envelope(Class<? extends SpecificRecord> eventType, EventEnvelope cause) {
        return EventEnvelopes.of(eventType, cause.getOrderId(), clock.instant(), cause.getEventId());
    }
}
