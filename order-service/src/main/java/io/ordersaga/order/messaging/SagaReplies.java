package io.ordersaga.order.messaging;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.inventory.InventoryRejected;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.events.payment.PaymentFailed;
import io.ordersaga.events.shipping.ShipmentFailed;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.messaging.consumer.EventHandler;
import io.ordersaga.messaging.consumer.InvalidEventException;
import io.ordersaga.order.orders.AuthorizedAmountMismatchException;
import io.ordersaga.order.orders.OrderManagement;
import org.springframework.stereotype.Component;

/**
 * The participants' replies, each applied to its order once: the library runs every handler in one
 * transaction with the event's inbox record (docs/idempotent-consumer.md), and {@link
 * OrderManagement} is state-guarded, so a duplicate, overtaking or late reply is safe whichever way
 * it arrives. A reply for an order this service does not know is retried, then dead-lettered
 * (docs/failure-policy.md).
 */
@Component
class SagaReplies {

    /** The width of orders.tracking_number. */
    private static final int MAX_TRACKING_NUMBER = 100;

    private final OrderManagement management;

    SagaReplies(OrderManagement management) {
        this.management = management;
    }

    @EventHandler
    void on(InventoryReserved event) {
        var envelope = event.getEnvelope();
        management.inventoryReserved(envelope.getOrderId(), envelope.getEventId());
    }

    @EventHandler
    void on(InventoryRejected event) {
        var envelope = event.getEnvelope();
        management.inventoryRejected(envelope.getOrderId(), envelope.getEventId());
    }

    /** An authorization of another amount than the order's total breaks the contract: dead-lettered. */
    @EventHandler
    void on(PaymentAuthorized event) {
        var envelope = event.getEnvelope();
        var amount = event.getAmount();
        try {
            management.paymentAuthorized(
                    envelope.getOrderId(), envelope.getEventId(), amount.getAmount(), amount.getCurrency());
        } catch (AuthorizedAmountMismatchException e) {
            throw new InvalidEventException(
                    "PaymentAuthorized " + envelope.getEventId() + " does not match its order: " + e.getMessage(), e);
        }
    }

    @EventHandler
    void on(PaymentFailed event) {
        var envelope = event.getEnvelope();
        management.paymentFailed(envelope.getOrderId(), envelope.getEventId());
    }

    @EventHandler
    void on(ShipmentScheduled event) {
        var envelope = event.getEnvelope();
        management.shipmentScheduled(envelope.getOrderId(), envelope.getEventId(), trackingNumber(event, envelope));
    }

    @EventHandler
    void on(ShipmentFailed event) {
        var envelope = event.getEnvelope();
        management.shipmentFailed(envelope.getOrderId(), envelope.getEventId());
    }

    /** A confirmed order shows its tracking number: a shipment without one breaks the contract. */
    private static String trackingNumber(ShipmentScheduled event, EventEnvelope envelope) {
        String trackingNumber = event.getTrackingNumber();
        if (trackingNumber == null || trackingNumber.isBlank() || trackingNumber.length() > MAX_TRACKING_NUMBER) {
            throw new InvalidEventException("ShipmentScheduled " + envelope.getEventId() + " for order "
                    + envelope.getOrderId() + " has no usable tracking number: '" + trackingNumber + "'");
        }
        return trackingNumber;
    }
}
