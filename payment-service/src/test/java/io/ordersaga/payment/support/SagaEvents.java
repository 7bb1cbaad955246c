package io.ordersaga.payment.support;

import static io.ordersaga.messaging.testapp.Events.envelope;
import static io.ordersaga.messaging.testapp.Events.euros;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
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
 * The other services' side of the saga, for tests: publishes what inventory and order would (through
 * Kafka, as their relays do), reads what payment published, and tells whether payment has processed
 * an event.
 */
@TestComponent
public class SagaEvents extends ServiceEvents {

    public static final String INVENTORY_EVENTS = "inventory.events";
    public static final String ORDERS_EVENTS = "orders.events";
    public static final String PAYMENTS_EVENTS = "payments.events";

    SagaEvents(
            EventSerde serde,
            JdbcTemplate jdbc,
            MessagingSettings messaging,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        super(serde, jdbc, messaging, bootstrapServers);
    }

    public static InventoryReserved inventoryReserved(UUID orderId, String total, String paymentToken) {
        return InventoryReserved.newBuilder()
                .setEnvelope(envelope(orderId, InventoryReserved.class))
                .setReservationId("res-" + orderId)
                .setLines(List.of(
                        StockLine.newBuilder().setSku("BOOK-001").setQuantity(1).build()))
                .setTotal(euros(total))
                .setPaymentToken(paymentToken)
                .setCustomerEmail("ada@example.org")
                .setShippingAddress(Address.newBuilder()
                        .setRecipientName("Ada Lovelace")
                        .setStreet("1 St James's Square")
                        .setCity("London")
                        .setPostalCode("SW1Y 4JU")
                        .setCountry("GB")
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

    /** Every event payment published for the order, in publication order. */
    public List<SpecificRecord> publishedFor(UUID orderId) {
        return publishedOn(PAYMENTS_EVENTS, orderId);
    }
}
