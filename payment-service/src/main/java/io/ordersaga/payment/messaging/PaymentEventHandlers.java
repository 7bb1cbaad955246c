package io.ordersaga.payment.messaging;

import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.messaging.consumer.EventHandler;
import io.ordersaga.messaging.consumer.InvalidEventException;
import io.ordersaga.payment.payments.PaymentProcessing;
import io.ordersaga.payment.payments.PaymentRequest;
import io.ordersaga.payment.payments.ShippingAddress;
import org.springframework.stereotype.Component;

/**
 * What payment consumes (inventory.events, orders.events), translated into the domain's terms.
 * The library runs each handler once per event id, in one transaction with the inbox.
 */
@Component
class PaymentEventHandlers {

    private final PaymentProcessing processing;

    PaymentEventHandlers(PaymentProcessing processing) {
        this.processing = processing;
    }

    @EventHandler
    void on(InventoryReserved event) {
        var total = event.getTotal();
        if (total.getAmount().signum() < 0) {
            throw new InvalidEventException("InventoryReserved "
                    + event.getEnvelope().getEventId() + " has a negative total " + total.getAmount());
        }
        var address = event.getShippingAddress();
        processing.authorize(new PaymentRequest(
                event.getEnvelope().getOrderId(),
                event.getEnvelope().getEventId(),
                total.getAmount(),
                total.getCurrency(),
                event.getPaymentToken(),
                event.getCustomerEmail(),
                new ShippingAddress(
                        address.getRecipientName(),
                        address.getStreet(),
                        address.getCity(),
                        address.getPostalCode(),
                        address.getCountry())));
    }

    @EventHandler
    void on(OrderCancelled event) {
        processing.cancel(event.getEnvelope().getOrderId(), event.getEnvelope().getEventId());
    }
}
