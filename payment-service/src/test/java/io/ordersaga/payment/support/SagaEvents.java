package io.ordersaga.payment.support;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.TopicReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The other services' side of the saga, for tests: publishes what inventory and order would (through
 * Kafka, as their relays do), reads what payment published, and tells whether payment has processed
 * an event.
 */
@TestComponent
public class SagaEvents implements DisposableBean {

    public static final String INVENTORY_EVENTS = "inventory.events";
    public static final String ORDERS_EVENTS = "orders.events";
    public static final String PAYMENTS_EVENTS = "payments.events";
    private static final String CONSUMER = "payment";

    private final EventProducer producer;
    private final EventSerde serde;
    private final JdbcTemplate jdbc;
    private final String bootstrapServers;

    SagaEvents(
            EventSerde serde, JdbcTemplate jdbc, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.producer = new EventProducer(bootstrapServers, serde);
        this.serde = serde;
        this.jdbc = jdbc;
        this.bootstrapServers = bootstrapServers;
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

    public static Money euros(String amount) {
        return Money.newBuilder()
                .setAmount(new BigDecimal(amount))
                .setCurrency("EUR")
                .build();
    }

    public void publish(String topic, SpecificRecord event) {
        producer.publish(topic, event);
    }

    /** The same bytes again, as a relay that crashed before recording its position sends them. */
    public void publishTwice(String topic, SpecificRecord event) {
        var envelope = (EventEnvelope) event.get(0);
        byte[] bytes = producer.serialize(topic, event);
        var trace = Traceparent.start();
        producer.publish(topic, envelope, bytes, trace);
        producer.publish(topic, envelope, bytes, trace);
    }

    /** Whether payment's consumer has applied the event (its inbox has the id). */
    public boolean processed(SpecificRecord event) {
        UUID eventId = ((EventEnvelope) event.get(0)).getEventId();
        return jdbc.queryForObject(
                        "select count(*) from inbox where consumer = ? and event_id = ?",
                        Integer.class,
                        CONSUMER,
                        eventId)
                == 1;
    }

    /** Every event payment published for the order, in publication order. */
    public List<SpecificRecord> publishedFor(UUID orderId) {
        return TopicReader.readAll(bootstrapServers, PAYMENTS_EVENTS).stream()
                .filter(record -> orderId.toString().equals(new String(record.key())))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(record -> serde.deserialize(PAYMENTS_EVENTS, record.value()))
                .toList();
    }

    private static EventEnvelope envelope(UUID orderId, Class<? extends SpecificRecord> type) {
        return EventEnvelopes.of(type, orderId, Instant.now(), null);
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
