package io.ordersaga.messaging.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, every partition, and remembers every record by its
 * {@code eventId} header. Tests poll it from Awaitility conditions.
 */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<UUID, List<ConsumerRecord<String, byte[]>>> byEventId = new ConcurrentHashMap<>();
    private final String topic;

    TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads whatever arrived since the last call; returns the ids of every event read so far. */
    synchronized Set<UUID> poll() {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            byEventId.computeIfAbsent(eventId(record), id -> new ArrayList<>()).add(record);
        }
        return byEventId.keySet();
    }

    /**
     * Reads until this reader has caught up with every partition's end as of now: afterwards, an
     * event that is not in {@link #poll()} was not in the topic when this was called.
     */
    synchronized Set<UUID> readToEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            poll();
        }
        return byEventId.keySet();
    }

    Optional<ConsumerRecord<String, byte[]>> record(UUID eventId) {
        return Optional.ofNullable(byEventId.get(eventId)).map(List::getFirst);
    }

    /** How many times each event arrived (at-least-once allows more than one). */
    Map<UUID, Integer> deliveries() {
        return byEventId.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue()
                .size()));
    }

    String topic() {
        return topic;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID eventId(ConsumerRecord<?, ?> record) {
        return UUID.fromString(header(record, "eventId"));
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
