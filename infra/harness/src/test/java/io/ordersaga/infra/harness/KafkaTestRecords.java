package io.ordersaga.infra.harness;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

final class KafkaTestRecords {

    private KafkaTestRecords() {}

    static <K, V> ConsumerRecord<K, V> firstRecord(KafkaConsumer<K, V> consumer, Duration timeout) {
        List<ConsumerRecord<K, V>> received = new ArrayList<>();
        await().atMost(timeout).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return !received.isEmpty();
        });
        return received.getFirst();
    }
}
