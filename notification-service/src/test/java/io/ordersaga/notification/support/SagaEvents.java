package io.ordersaga.notification.support;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.TopicReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The other services' side of the saga, for tests: publishes what order and shipping would (through
 * Kafka, as their relays do), tells whether notification has processed an event, and reads the
 * dead-letter topics.
 */
@TestComponent
public class SagaEvents implements DisposableBean {

    public static final String ORDERS_EVENTS = "orders.events";
    public static final String SHIPMENTS_EVENTS = "shipments.events";
    private static final String CONSUMER = "notification";

    private final EventProducer producer;
    private final JdbcTemplate jdbc;
    private final String bootstrapServers;

    SagaEvents(
            EventSerde serde, JdbcTemplate jdbc, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.producer = new EventProducer(bootstrapServers, serde);
        this.jdbc = jdbc;
        this.bootstrapServers = bootstrapServers;
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

    /** Bytes that are no event at all, keyed by the order like the real events. */
    public void publishGarbage(String topic, UUID orderId, byte[] value) {
        producer.publishRaw(topic, orderId.toString(), value);
    }

    /** Whether notification's consumer has applied the event (its inbox has the id). */
    public boolean processed(SpecificRecord event) {
        UUID eventId = ((EventEnvelope) event.get(0)).getEventId();
        return jdbc.queryForObject(
                        "select count(*) from inbox where consumer = ? and event_id = ?",
                        Integer.class,
                        CONSUMER,
                        eventId)
                == 1;
    }

    /** The dead letters of a topic keyed by the order, whichever consumer gave up on them. */
    public List<ConsumerRecord<byte[], byte[]>> deadLettersOf(String topic, UUID orderId) {
        return TopicReader.readAll(bootstrapServers, topic + ".DLT").stream()
                .filter(record -> orderId.toString().equals(new String(record.key())))
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
