package io.ordersaga.shipping.messaging;

import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.messaging.consumer.EventHandler;
import io.ordersaga.messaging.consumer.InvalidEventException;
import io.ordersaga.shipping.shipments.ShipmentRequest;
import io.ordersaga.shipping.shipments.ShipmentScheduling;
import org.springframework.stereotype.Component;

/**
 * What shipping consumes (payments.events, orders.events), translated into the domain's terms. The
 * library runs each handler once per event id, in one transaction with the inbox.
 */
@Component
class ShipmentEventHandlers {

    private final ShipmentScheduling scheduling;

    ShipmentEventHandlers(ShipmentScheduling scheduling) {
        this.scheduling = scheduling;
    }

    @EventHandler
    void on(PaymentAuthorized event) {
        String country = event.getShippingAddress().getCountry();
        if (country == null || country.isBlank()) {
            // The contract requires an ISO 3166-1 alpha-2 code: an empty one is a producer bug, not
            // an unserved destination.
            throw new InvalidEventException(
                    "PaymentAuthorized " + event.getEnvelope().getEventId() + " has no destination country");
        }
        scheduling.schedule(new ShipmentRequest(
                event.getEnvelope().getOrderId(), event.getEnvelope().getEventId(), country, event.getCustomerEmail()));
    }

    @EventHandler
    void on(OrderCancelled event) {
        scheduling.cancel(event.getEnvelope().getOrderId());
    }
}
