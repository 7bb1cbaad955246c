package io.ordersaga.messaging.batchapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.MessagingSchema;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.consumer.BatchConsumer;
import io.ordersaga.messaging.consumer.BatchConsumers;
import io.ordersaga.messaging.inbox.Inbox;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.Events;
import io.ordersaga.messaging.testapp.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Batch mode against the real Kafka and schema registry, in an application without a database:
 * each poll reaches the handler in one call, poison is dead-lettered record by record while the
 * rest of the batch proceeds, a failing batch is retried whole, and a second consumer group
 * replays the topic from the start and says when it has caught up.
 */
@SpringBootTest(
        classes = BatchTestApplication.class,
        properties = {
            "harness.servers=kafka,schema-registry",
            "messaging.service-name=" + BatchConsumerIT.GROUP,
            "messaging.consumer.topics=" + BatchConsumerIT.TOPIC
        })
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@DirtiesContext
class BatchConsumerIT {

    static final String TOPIC = "orders.events.batch-it";
    static final String GROUP = "batch-it";
    private static final String DLT = TOPIC + ".DLT";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    RecordingBatchHandler handler;

    @Autowired
    BatchConsumers batchConsumers;

    @Autowired
    EventSerde serde;

    @Autowired
    ApplicationContext context;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    EventProducer producer;

    @BeforeEach
    void connectProducer() {
        producer = new EventProducer(bootstrapServers, serde);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void runsWithoutADatabaseAndSoWithoutInboxOrLibraryTables() {
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Inbox.class)).isEmpty();
        assertThat(context.getBeanNamesForType(MessagingSchema.class)).isEmpty();
    }

    @Test
    void handsTheValidEventsToTheHandlerInPartitionOrderAndDeadLettersEachPoisonRecord() {
        UUID orderId = UUID.randomUUID();
        String key = orderId.toString();
        OrderPlaced first = Events.orderPlaced(orderId);
        OrderPlaced mislabelled = Events.orderPlaced(orderId, "OrderShipped");
        OrderPlaced second = Events.orderPlaced(orderId);
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        byte[] notAnEvent = producer.serialize(TOPIC, Events.euros("1.00"));
        byte[] mislabelledBytes = producer.serialize(TOPIC, mislabelled);

        var poison = new ArrayList<RecordMetadata>();
        poison.add(producer.publishRaw(TOPIC, key, garbage));
        producer.publish(TOPIC, first);
        poison.add(producer.publishRaw(TOPIC, key, notAnEvent));
        poison.add(producer.publish(TOPIC, mislabelled.getEnvelope(), mislabelledBytes, Traceparent.start()));
        producer.publish(TOPIC, second);

        UUID firstId = first.getEnvelope().getEventId();
        UUID secondId = second.getEnvelope().getEventId();
        await().atMost(PATIENCE).until(() -> handler.recorder().handled().contains(secondId));
        assertThat(handler.recorder().handled()).containsSubsequence(firstId, secondId);

        List<ConsumerRecord<byte[], byte[]>> deadLetters =
                await().atMost(PATIENCE).until(() -> deadLettersOf(key), letters -> letters.size() >= 3);
        assertThat(deadLetters).hasSize(3);
        assertThat(deadLetters)
                .extracting(ConsumerRecord::value)
                .containsExactly(garbage, notAnEvent, mislabelledBytes);
        assertThat(deadLetters)
                .extracting(letter -> text(letter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .containsExactly(
                        "io.ordersaga.messaging.consumer.UndecodableEventException",
                        "io.ordersaga.messaging.consumer.UnknownEventTypeException",
                        "io.ordersaga.messaging.consumer.InvalidEventException");
        for (int i = 0; i < poison.size(); i++) {
            assertThat(deadLetters.get(i).partition()).isEqualTo(poison.get(i).partition());
            assertThat(text(deadLetters.get(i), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))
                    .isEqualTo(GROUP);
            assertThat(text(deadLetters.get(i), KafkaHeaders.DLT_ORIGINAL_TOPIC))
                    .isEqualTo(TOPIC);
        }
    }

    @Test
    void retriesAFailingBatchWholeAndDeadLettersItsPoisonOnlyOnce() {
        UUID orderId = UUID.randomUUID();
        String key = orderId.toString();
        OrderPlaced placed = Events.orderPlaced(orderId);
        UUID eventId = placed.getEnvelope().getEventId();
        handler.recorder().failTransiently(eventId, 2);

        // Published before the event, so it is in every delivery of the event's batch.
        producer.publishRaw(TOPIC, key, "poison".getBytes(StandardCharsets.UTF_8));
        producer.publish(TOPIC, placed);

        await().atMost(PATIENCE).until(() -> handler.recorder().handled().contains(eventId));
        assertThat(handler.recorder().attempts(eventId)).isEqualTo(3);
        assertThat(handler.recorder().handled()).containsOnlyOnce(eventId);
        assertThat(deadLettersOf(key)).hasSize(1);
    }

    @Test
    void deadLettersTheRecordsOfABatchWhoseRetriesRunOutAndMovesOn() {
        UUID broken = UUID.randomUUID();
        OrderPlaced unprojectable = Events.orderPlaced(broken);
        handler.recorder().breakFor(broken);

        producer.publish(TOPIC, unprojectable);

        List<ConsumerRecord<byte[], byte[]>> deadLetters =
                await().atMost(PATIENCE).until(() -> deadLettersOf(broken.toString()), letters -> !letters.isEmpty());
        assertThat(text(deadLetters.getFirst(), KafkaHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(handler.recorder().attempts(unprojectable.getEnvelope().getEventId()))
                .isEqualTo(3);

        OrderPlaced next = Events.orderPlaced(UUID.randomUUID());
        producer.publish(TOPIC, next);
        await().atMost(PATIENCE)
                .until(() ->
                        handler.recorder().handled().contains(next.getEnvelope().getEventId()));
    }

    @Test
    void replaysTheTopicFromTheStartInASecondGroupAndKnowsWhenItHasCaughtUp() {
        var published = new ArrayList<UUID>();
        for (int i = 0; i < 20; i++) {
            OrderPlaced placed = Events.orderPlaced(UUID.randomUUID());
            producer.publish(TOPIC, placed);
            published.add(placed.getEnvelope().getEventId());
        }
        var replay = new RecordingBatchHandler.Recorder();
        BatchConsumer consumer = batchConsumers.create("batch-it-replay-" + UUID.randomUUID(), replay);
        var end = consumer.endOffsets();
        assertThat(consumer.hasReached(end)).isFalse();
        assertThat(consumer.lag()).isGreaterThanOrEqualTo(published.size());

        consumer.start();
        try {
            await().atMost(PATIENCE).until(() -> consumer.hasReached(end));
            assertThat(replay.handled()).containsAll(published);
            assertThat(consumer.lag()).isZero();
        } finally {
            consumer.stop();
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLettersOf(String key) {
        return TopicReader.readAll(bootstrapServers, DLT).stream()
                .filter(record -> record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .toList();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
