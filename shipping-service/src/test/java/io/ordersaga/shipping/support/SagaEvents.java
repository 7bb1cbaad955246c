package io.ordersaga.shipping.support;

import static io.ordersaga.messaging.testapp.Events.envelope;
import static io.ordersaga.messaging.testapp.Events.euros;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.MessagingSettings;
import io.ordersaga.messaging.testing.ServiceEvents;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The other services' side of the saga, for tests: publishes what payment and order would (through
 * Kafka, as their relays do), reads what shipping published, and tells whether shipping has
 * processed an event.
 */
@TestComponent
public class SagaEvents extends ServiceEvents {

    public static final String PAYMENTS_EVENTS = "payments.events";
    public static final String ORDERS_EVENTS = "orders.events";
    public static final String SHIPMENTS_EVENTS = "shipments.events";

    SagaEvents(
            EventSerde serde,
            JdbcTemplate jdbc,
            MessagingSettings messaging,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        super(serde, jdbc, messaging, bootstrapServers);
    }

    public static PaymentAuthorized paymentAuthorized(UUID orderId, String country) {
        return PaymentAuthorized.newBuilder()
                .setEnvelope(envelope(orderId, PaymentAuthorized.class))
                .setPaymentId("pay_" + orderId)
                .setAmount(euros("120.50"))
                .setCustomerEmail("ada@example.org")
                .setShippingAddress(Address.newBuilder()
                        .setRecipientName("Ada Lovelace")
                        .setStreet("Unter den Linden 1")
                        .setCity("Berlin")
                        .setPostalCode("10117")
                        .setCountry(country)
                        .build())
                .build();
    }

    public static OrderCancelled orderCancelled(UUID orderId) {
        return OrderCancelled.newBuilder()
                .setEnvelope(envelope(orderId, OrderCancelled.class))
                .setCustomerId("customer-42")
                .setCustomerEmail("ada@example.org")
                .setReason(CancellationReason.CUSTOMER_REQUEST)
                .setTotal(euros("120.50"))
                .build();
    }

    /** Every event shipping published for the order, in publication order. */
    public List<SpecificRecord> publishedFor(UUID orderId) {
        return publishedOn(SHIPMENTS_EVENTS, orderId);
    }
}
