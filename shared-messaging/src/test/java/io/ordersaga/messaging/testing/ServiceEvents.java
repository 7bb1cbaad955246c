package io.ordersaga.messaging.testing;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.MessagingSettings;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.Events;
import io.ordersaga.messaging.testapp.TopicReader;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The other services' side of the saga in a service's integration tests: publishes events through
 * Kafka as their relays do, tells whether the service under test has processed one (its inbox has
 * the id), and reads back what was published. Each service's {@code SagaEvents} extends it with
 * builders for the events it consumes, made with {@link Events#envelope} and {@link Events#euros}.
 */
public abstract class ServiceEvents implements DisposableBean {

    private final EventProducer producer;
    private final EventSerde serde;
    private final JdbcTemplate jdbc;
    private final String consumer;
    private final String bootstrapServers;

    /**
     * @param messaging the service's messaging settings: its name is the consumer its inbox records
     *     ids under
     */
    protected ServiceEvents(EventSerde serde, JdbcTemplate jdbc, MessagingSettings messaging, String bootstrapServers) {
        this.producer = new EventProducer(bootstrapServers, serde);
        this.serde = serde;
        this.jdbc = jdbc;
        this.consumer = messaging.serviceName();
        this.bootstrapServers = bootstrapServers;
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

    /** Whether the service's consumer has applied the event (its inbox has the id). */
    public boolean processed(SpecificRecord event) {
        UUID eventId = ((EventEnvelope) event.get(0)).getEventId();
        return jdbc.queryForObject(
                        "select count(*) from inbox where consumer = ? and event_id = ?",
                        Integer.class,
                        consumer,
                        eventId)
                == 1;
    }

    /** Every event on {@code topic} about the order, in publication order. */
    protected List<SpecificRecord> publishedOn(String topic, UUID orderId) {
        return recordsOf(topic, orderId).stream()
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .map(record -> serde.deserialize(topic, record.value()))
                .toList();
    }

    /** The dead letters of a topic keyed by the order, whichever consumer gave up on them. */
    public List<ConsumerRecord<byte[], byte[]>> deadLettersOf(String topic, UUID orderId) {
        return recordsOf(topic + ".DLT", orderId);
    }

    private List<ConsumerRecord<byte[], byte[]>> recordsOf(String topic, UUID orderId) {
        return TopicReader.readAll(bootstrapServers, topic).stream()
                .filter(record -> orderId.toString().equals(new String(record.key())))
                .toList();
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
