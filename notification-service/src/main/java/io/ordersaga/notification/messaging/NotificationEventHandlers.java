package io.ordersaga.notification.messaging;

import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.messaging.consumer.EventHandler;
import io.ordersaga.notification.notifications.CancellationReason;
import io.ordersaga.notification.notifications.NotificationLog;
import io.ordersaga.notification.notifications.OrderCancellation;
import io.ordersaga.notification.notifications.OrderConfirmation;
import io.ordersaga.notification.notifications.ShipmentNotice;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What notification consumes (orders.events, shipments.events), translated into the e-mails it owes.
 * The library runs each handler once per event id, in one transaction with the inbox; the other
 * event types on those topics (OrderPlaced, ShipmentFailed) have no handler and are skipped.
 */
@Component
class NotificationEventHandlers {

    private final NotificationLog log;

    NotificationEventHandlers(NotificationLog log) {
        this.log = log;
    }

    @EventHandler
    void on(OrderConfirmed event) {
        log.record(new OrderConfirmation(
                event.getEnvelope().getOrderId(),
                event.getEnvelope().getEventId(),
                event.getCustomerEmail(),
                event.getTotal().getAmount(),
                event.getTotal().getCurrency(),
                Optional.ofNullable(event.getTrackingNumber())));
    }

    @EventHandler
    void on(OrderCancelled event) {
        log.record(new OrderCancellation(
                event.getEnvelope().getOrderId(),
                event.getEnvelope().getEventId(),
                event.getCustomerEmail(),
                reason(event.getReason()),
                event.getTotal().getAmount(),
                event.getTotal().getCurrency()));
    }

    @EventHandler
    void on(ShipmentScheduled event) {
        log.record(new ShipmentNotice(
                event.getEnvelope().getOrderId(),
                event.getEnvelope().getEventId(),
                event.getCustomerEmail(),
                event.getCarrier(),
                event.getTrackingNumber(),
                event.getEstimatedDelivery()));
    }

    /** Exhaustive: a reason added to the schema does not compile until it has words here. */
    private static CancellationReason reason(io.ordersaga.events.order.CancellationReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> CancellationReason.OUT_OF_STOCK;
            case PAYMENT_DECLINED -> CancellationReason.PAYMENT_DECLINED;
            case SHIPPING_UNAVAILABLE -> CancellationReason.SHIPPING_UNAVAILABLE;
            case CUSTOMER_REQUEST -> CancellationReason.CUSTOMER_REQUEST;
            case TIMEOUT -> CancellationReason.TIMEOUT;
            case UNKNOWN -> CancellationReason.UNKNOWN;
        };
    }
}
