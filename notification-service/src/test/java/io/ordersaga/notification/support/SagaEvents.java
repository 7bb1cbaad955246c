package io.ordersaga.notification.support;

import static io.ordersaga.messaging.testapp.Events.envelope;
import static io.ordersaga.messaging.testapp.Events.euros;

import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.MessagingSettings;
import io.ordersaga.messaging.testing.ServiceEvents;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The other services' side of the saga, for tests: publishes what order and shipping would (through
 * Kafka, as their relays do), tells whether notification has processed an event, and reads the
 * dead-letter topics.
 */
@TestComponent
public class SagaEvents extends ServiceEvents {

    public static final String ORDERS_EVENTS = "orders.events";
    public static final String SHIPMENTS_EVENTS = "shipments.events";

    SagaEvents(
            EventSerde serde,
            JdbcTemplate jdbc,
            MessagingSettings messaging,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        super(serde, jdbc, messaging, bootstrapServers);
    }

    public static OrderConfirmed orderConfirmed(UUID orderId, String customerEmail, String trackingNumber) {
        return OrderConfirmed.newBuilder()
                .setEnvelope(envelope(orderId, OrderConfirmed.class))
                .setCustomerId("customer-42")
                .setCustomerEmail(customerEmail)
                .setTotal(euros("120.50"))
                .setTrackingNumber(trackingNumber)
                .build();
    }

    public static OrderCancelled orderCancelled(UUID orderId, String customerEmail, CancellationReason reason) {
        return OrderCancelled.newBuilder()
                .setEnvelope(envelope(orderId, OrderCancelled.class))
                .setCustomerId("customer-42")
                .setCustomerEmail(customerEmail)
                .setReason(reason)
                .setTotal(euros("120.50"))
                .build();
    }

    public static ShipmentScheduled shipmentScheduled(UUID orderId, String customerEmail, LocalDate estimatedDelivery) {
        return ShipmentScheduled.newBuilder()
                .setEnvelope(envelope(orderId, ShipmentScheduled.class))
                .setShipmentId("shp-" + orderId)
                .setCarrier("Royal Mail")
                .setTrackingNumber("TRK0123456789ABCDEF")
                .setEstimatedDelivery(estimatedDelivery)
                .setCustomerEmail(customerEmail)
                .build();
    }
}
