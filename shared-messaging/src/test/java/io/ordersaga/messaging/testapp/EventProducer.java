package io.ordersaga.messaging.testapp;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.Traceparent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Publishes events the way the outbox relay does: value in the Confluent wire format, key the
 * order id, headers {@code eventId}, {@code eventType} and {@code traceparent}. Also publishes
 * arbitrary bytes, which the relay never does and a broken producer might.
 */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventSerde serde;

    public EventProducer(String bootstrapServers, EventSerde serde) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.serde = serde;
    }

    public byte[] serialize(String topic, SpecificRecord event) {
        return serde.serialize(topic, event);
    }

    /** Publishes the event in a new trace. */
    public RecordMetadata publish(String topic, SpecificRecord event) {
        return publish(topic, event, Traceparent.start());
    }

    public RecordMetadata publish(String topic, SpecificRecord event, Traceparent trace) {
        var envelope = (EventEnvelope) event.get(0);
        return publish(topic, envelope, serialize(topic, event), trace);
    }

    /** Publishes already serialized bytes as the event described by the envelope: a redelivery. */
    public RecordMetadata publish(String topic, EventEnvelope envelope, byte[] value, Traceparent trace) {
        var headers = new RecordHeaders();
        headers.add("eventId", utf8(envelope.getEventId().toString()));
        headers.add("eventType", utf8(envelope.getEventType()));
        headers.add(Traceparent.HEADER, utf8(trace.toString()));
        return send(new ProducerRecord<>(topic, null, envelope.getOrderId().toString(), value, headers));
    }

    /** Publishes bytes that may be anything, with no headers. */
    public RecordMetadata publishRaw(String topic, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /** Publishes a dead letter as a consumer group would have written it. */
    public RecordMetadata publishDeadLetter(
            String deadLetterTopic,
            EventEnvelope envelope,
            byte[] value,
            String consumerGroup,
            Instant originallyPublished) {
        var headers = new RecordHeaders();
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
                ByteBuffer.allocate(Long.BYTES)
                        .putLong(originallyPublished.toEpochMilli())
                        .array());
        headers.add("eventId", utf8(envelope.getEventId().toString()));
        headers.add("eventType", utf8(envelope.getEventType()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(consumerGroup));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(IllegalStateException.class.getName()));
        return send(new ProducerRecord<>(
                deadLetterTopic, null, envelope.getOrderId().toString(), value, headers));
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
