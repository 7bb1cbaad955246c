package io.ordersaga.messaging.deadletter;

import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The byte-array producer that writes dead letters and redrives them; closed with the context. */
final class DeadLetterPublisher implements AutoCloseable {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;

    DeadLetterPublisher(Map<String, Object> producerConfig) {
        this.producers =
                new DefaultKafkaProducerFactory<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    KafkaTemplate<byte[], byte[]> template() {
        return template;
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
