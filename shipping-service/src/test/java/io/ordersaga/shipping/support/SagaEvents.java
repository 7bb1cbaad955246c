package io.ordersaga.shipping.support;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.payment.PaymentAuthorized;
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
 * The other services' side of the saga, for tests: publishes what payment and order would (through
 * Kafka, as their relays do), reads what shipping published, and tells whether shipping has
 * processed an event.
 */
@TestComponent
public class SagaEvents implements DisposableBean {

    public static final String PAYMENTS_EVENTS = "payments.events";
    public static final String ORDERS_EVENTS = "orders.events";
    public static final String SHIPMENTS_EVENTS = "shipments.events";
    private static final String CONSUMER = "shipping";

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

    public static PaymentAuthorized paymentAuthorized(UUID orderId, String country) {
        return PaymentAuthorized.newBuilder()
                .setEnvelope(envelope(orderId, PaymentAuthorized.class))
                .setPaymentId("pay_" + orderId)
                .setAmount(Money.newBuilder()
                        .setAmount(new BigDecimal("120.50"))
                        .setCurrency("EUR")
                        .build())
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
                .setTotal(Money.newBuilder()
                        .setAmount(new BigDecimal("120.50"))
                        .setCurrency("EUR")
                        .build())
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

    /** Whether shipping's consumer has applied the event (its inbox has the id). */
    public boolean processed(SpecificRecord event) {
        UUID eventId = ((EventEnvelope) event.get(0)).getEventId();
        return jdbc.queryForObject(
                        "select count(*) from inbox where consumer = ? and event_id = ?",
                        Integer.class,
                        CONSUMER,
                        eventId)
                == 1;
    }

    /** Every event shipping published for the order, in publication order. */
    public List<SpecificRecord> publishedFor(UUID orderId) {
        return TopicReader.readAll(bootstrapServers, SHIPMENTS_EVENTS).stream()
                .filter(record -> orderId.toString().equals(new String(record.key())))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(record -> serde.deserialize(SHIPMENTS_EVENTS, record.value()))
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
