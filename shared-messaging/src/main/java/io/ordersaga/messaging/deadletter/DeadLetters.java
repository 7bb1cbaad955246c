package io.ordersaga.messaging.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The operator's view of the service's dead letters: list them, and publish a chosen one again to
 * the topic it came from once its cause is fixed (docs/failure-policy.md). Dead letters are never
 * removed: Kafka's retention ages them out. Redriving one twice is harmless: the inbox applies its
 * event once.
 *
 * <p>Every service consuming a topic writes its dead letters to the same {@code <topic>.DLT}; a
 * service lists and redrives only those its own consumer group wrote.
 */
final class DeadLetters {

    /** How long one read of the dead-letter topics, or one redrive, may take before it gives up. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Duration POLL = Duration.ofMillis(200);
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    private final DeadLetterTopics topics;
    private final String group;
    private final Duration inboxRetention;
    private final Map<String, Object> consumerConfig;
    private final KafkaOperations<byte[], byte[]> template;

    DeadLetters(
            DeadLetterTopics topics,
            String group,
            Duration inboxRetention,
            Map<String, Object> consumerConfig,
            KafkaOperations<byte[], byte[]> template) {
        this.topics = topics;
        this.group = group;
        this.inboxRetention = inboxRetention;
        // Assigned partitions, no group: reading dead letters moves no offsets of the service.
        var config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig = Map.copyOf(config);
        this.template = template;
    }

    /** The service's records in its dead-letter topics, oldest first per partition. */
    List<DeadLetter> list() {
        var letters = new ArrayList<DeadLetter>();
        try (Consumer<byte[], byte[]> consumer = reader()) {
            var partitions = new ArrayList<TopicPartition>();
            for (String topic : topics.all()) {
                consumer.partitionsFor(topic, TIMEOUT)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            readUntil(consumer, ends, record -> {
                if (isOurs(record)) {
                    letters.add(describe(record));
                }
            });
        }
        return letters;
    }

    /**
     * The record at those coordinates, if it is there.
     *
     * @throws IllegalArgumentException when the topic is not one of the service's dead-letter
     *     topics, or the record is another service's dead letter
     */
    Optional<ConsumerRecord<byte[], byte[]>> find(String topic, int partition, long offset) {
        if (!topics.isOwned(topic)) {
            throw new IllegalArgumentException(
                    topic + " is not a dead-letter topic of this service; those are " + topics.all());
        }
        var target = new TopicPartition(topic, partition);
        try (Consumer<byte[], byte[]> consumer = reader()) {
            consumer.assign(List.of(target));
            long end = consumer.endOffsets(List.of(target), TIMEOUT).get(target);
            if (offset >= end) {
                return Optional.empty();
            }
            consumer.seek(target, offset);
            var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
            readUntil(consumer, Map.of(target, offset + 1), record -> {
                if (record.offset() == offset) {
                    found.add(record);
                }
            });
            if (!found.isEmpty() && !isOurs(found.getFirst())) {
                throw new IllegalArgumentException(topic + "-" + partition + "@" + offset + " is a dead letter of "
                        + text(found.getFirst().headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP) + ", not of "
                        + group);
            }
            return found.stream().findFirst();
        }
    }

    private boolean isOurs(ConsumerRecord<byte[], byte[]> deadLetter) {
        return group.equals(text(deadLetter.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
    }

    /**
     * Publishes the dead letter's key, value and original headers to the topic it was consumed
     * from; the key puts it on the same partition as before.
     *
     * @throws IllegalArgumentException when the event is older than the inbox retention: every
     *     service consuming the topic reads it again, and those that applied it may have forgotten
     *     so, and would apply it again
     */
    Redriven redrive(ConsumerRecord<byte[], byte[]> deadLetter) {
        String original = Optional.ofNullable(text(deadLetter.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC))
                .orElseGet(() -> deadLetter
                        .topic()
                        .substring(0, deadLetter.topic().length() - DeadLetterTopics.SUFFIX.length()));
        Instant published = Instant.ofEpochMilli(Optional.ofNullable(
                        number(deadLetter.headers(), KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer::getLong))
                .orElse(deadLetter.timestamp()));
        if (published.plus(inboxRetention).isBefore(Instant.now())) {
            throw new IllegalArgumentException("the event was published at " + published
                    + ", longer ago than the inbox retention (" + inboxRetention + "): the services consuming "
                    + original + " may no longer know they applied it. Replay it by hand, knowingly.");
        }
        var headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        var again = new ProducerRecord<>(original, null, deadLetter.key(), deadLetter.value(), headers);
        try {
            RecordMetadata sent = template.send(again)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
            return new Redriven(sent.topic(), sent.partition(), sent.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redriving to " + original, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not redrive to " + original + ": " + e, e);
        }
    }

    private Consumer<byte[], byte[]> reader() {
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Polls until every partition's position reaches its end offset (or the timeout passes). */
    private static void readUntil(
            Consumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> ends,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        var remaining = new ArrayList<>(unfinished(consumer, ends, ends.keySet()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!remaining.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "dead-letter topics not read to the end within " + TIMEOUT + "; still reading " + remaining);
            }
            for (var record : consumer.poll(POLL)) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
            remaining.retainAll(unfinished(consumer, ends, remaining));
        }
    }

    private static List<TopicPartition> unfinished(
            Consumer<?, ?> consumer, Map<TopicPartition, Long> ends, Collection<TopicPartition> partitions) {
        return partitions.stream()
                .filter(partition -> consumer.position(partition, TIMEOUT) < ends.get(partition))
                .toList();
    }

    static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                Instant.ofEpochMilli(record.timestamp()),
                text(headers, "eventId"),
                text(headers, "eventType"),
                text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION, buffer -> buffer.getInt()),
                number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET, buffer -> buffer.getLong()),
                text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <N> N number(Headers headers, String name, Function<ByteBuffer, N> read) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : read.apply(ByteBuffer.wrap(header.value()));
    }
}
