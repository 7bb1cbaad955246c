package io.ordersaga.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.testapp.ConsumerTestApplication;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.Events;
import io.ordersaga.messaging.testapp.OrderLedger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox makes a consumer idempotent: an event delivered again, for whatever reason, is applied
 * once. Runs the test application against the harness's PostgreSQL, Kafka and schema registry.
 */
@SpringBootTest(
        classes = ConsumerTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "harness.database=inbox_it",
            "messaging.service-name=inbox-it",
            "messaging.consumer.topics=" + InboxIT.TOPIC
        })
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@DirtiesContext
class InboxIT {

    static final String TOPIC = "orders.events.inbox-it";
    private static final String CONSUMER = "inbox-it";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    OrderLedger ledger;

    @Autowired
    Inbox inbox;

    @Autowired
    InboxCleanup cleanup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventSerde serde;

    @Autowired
    ConfigurableApplicationContext context;

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
    void appliesAnEventPublishedTwiceOnce() {
        OrderPlaced placed = Events.orderPlaced(UUID.randomUUID());
        byte[] bytes = producer.serialize(TOPIC, placed);
        double skippedBefore = duplicatesSkipped();

        // What a relay that crashed after sending but before recording its offset does.
        var trace = Traceparent.start();
        producer.publish(TOPIC, placed.getEnvelope(), bytes, trace);
        producer.publish(TOPIC, placed.getEnvelope(), bytes, trace);

        await().atMost(PATIENCE).until(() -> duplicatesSkipped() >= skippedBefore + 1);
        assertThat(ledger.timesApplied(placed.getEnvelope().getEventId())).isEqualTo(1);
    }

    @Test
    void appliesAnEventDeliveredTwiceInOnePollOnce() {
        OrderPlaced placed = Events.orderPlaced(UUID.randomUUID());
        OrderPlaced next = Events.orderPlaced(placed.getEnvelope().getOrderId());
        byte[] bytes = producer.serialize(TOPIC, placed);
        double skippedBefore = duplicatesSkipped();
        var trace = Traceparent.start();

        context.stop();
        try {
            producer.publish(TOPIC, placed.getEnvelope(), bytes, trace);
            producer.publish(TOPIC, placed.getEnvelope(), bytes, trace);
            producer.publish(TOPIC, next);
        } finally {
            context.start();
        }

        awaitEachAppliedOnce(List.of(placed, next));
        assertThat(duplicatesSkipped()).isEqualTo(skippedBefore + 1);
    }

    @Test
    void recordsEachIdOnceAndReturnsOnlyThoseNotRecordedBefore() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        var transaction = new TransactionTemplate(transactionManager);
        double skippedBefore = duplicatesSkipped();

        Set<UUID> firstPoll =
                transaction.execute(status -> inbox.markProcessed(CONSUMER, List.of(first, second, first)));
        Set<UUID> secondPoll = transaction.execute(status -> inbox.markProcessed(CONSUMER, List.of(second, third)));

        assertThat(firstPoll).containsExactlyInAnyOrder(first, second);
        assertThat(secondPoll).containsExactly(third);
        assertThat(duplicatesSkipped()).isEqualTo(skippedBefore + 2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from inbox where consumer = ? and event_id in (?, ?, ?)",
                        Integer.class,
                        CONSUMER,
                        first,
                        second,
                        third))
                .isEqualTo(3);
    }

    @Test
    void appliesEventsOnceWhenTheConsumerRestartsBehindWhatItHadApplied() throws Exception {
        // One order, so one partition: the rewind below covers exactly these records and later ones.
        UUID orderId = UUID.randomUUID();
        List<OrderPlaced> events =
                List.of(Events.orderPlaced(orderId), Events.orderPlaced(orderId), Events.orderPlaced(orderId));
        RecordMetadata first = producer.publish(TOPIC, events.getFirst());
        events.stream().skip(1).forEach(event -> producer.publish(TOPIC, event));
        await().atMost(PATIENCE).until(() -> events.stream()
                .allMatch(event -> ledger.timesApplied(event.getEnvelope().getEventId()) == 1));

        // The worst case of a crash: effects committed, consumer offsets not. Stop the consumers,
        // move the group's offset back to the first event, start again.
        context.stop();
        var partition = new TopicPartition(TOPIC, first.partition());
        long end;
        double skippedBefore = duplicatesSkipped();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // The group accepts new offsets once its members have left.
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> admin.alterConsumerGroupOffsets(
                            CONSUMER, Map.of(partition, new OffsetAndMetadata(first.offset())))
                    .all()
                    .get());
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get()
                    .offset();
        } finally {
            context.start();
        }

        // Every record from the first event on is delivered again, and each is an applied event.
        long redelivered = end - first.offset();
        await().atMost(PATIENCE).until(() -> duplicatesSkipped() >= skippedBefore + redelivered);
        assertThat(events).allSatisfy(event -> assertThat(
                        ledger.timesApplied(event.getEnvelope().getEventId()))
                .isEqualTo(1));
    }

    @Test
    void appliesTheEventsOfAPollInFewerTransactionsThanEvents() {
        UUID orderId = UUID.randomUUID();
        List<OrderPlaced> events =
                Stream.generate(() -> Events.orderPlaced(orderId)).limit(20).toList();
        publishWhileTheConsumersAreStopped(events);

        awaitEachAppliedOnce(events);
        // xmin is the id of the transaction that wrote the row.
        Integer transactions = jdbc.queryForObject(
                "select count(distinct xmin::text) from ledger where order_id = ?", Integer.class, orderId);
        assertThat(transactions).isLessThan(events.size());
        Integer recordedWithTheirEffects = jdbc.queryForObject(
                "select count(*) from ledger l join inbox i on i.event_id = l.event_id and i.xmin = l.xmin"
                        + " where l.order_id = ? and i.consumer = ?",
                Integer.class,
                orderId,
                CONSUMER);
        assertThat(recordedWithTheirEffects)
                .as("each event's inbox record commits in the transaction of its effects")
                .isEqualTo(events.size());
    }

    @Test
    void appliesTheRestOfAPollOnceWhenOneOfItsEventsFailsForAWhile() {
        UUID orderId = UUID.randomUUID();
        List<OrderPlaced> events =
                Stream.generate(() -> Events.orderPlaced(orderId)).limit(10).toList();
        UUID failing = events.get(5).getEnvelope().getEventId();
        ledger.failTransiently(failing, 2);
        publishWhileTheConsumersAreStopped(events);

        awaitEachAppliedOnce(events);
        assertThat(ledger.attempts(failing))
                .as("the failing event runs once per delivery: two failures, then success")
                .isEqualTo(3);
        List<UUID> appliedInOrder =
                jdbc.queryForList("select event_id from ledger where order_id = ? order by id", UUID.class, orderId);
        assertThat(appliedInOrder)
                .as("the partition's order holds across the failure and its retries")
                .containsExactlyElementsOf(events.stream()
                        .map(event -> event.getEnvelope().getEventId())
                        .toList());
    }

    @Test
    void runsTheHandlerInTheTraceOfTheEvent() {
        OrderPlaced placed = Events.orderPlaced(UUID.randomUUID());
        var trace = Traceparent.start();

        producer.publish(TOPIC, placed, trace);

        UUID eventId = placed.getEnvelope().getEventId();
        await().atMost(PATIENCE).until(() -> ledger.timesApplied(eventId) == 1);
        assertThat(ledger.traceIdOf(eventId)).isEqualTo(trace.traceId());
    }

    @Test
    void forgetsEventIdsOnceTheyAreOlderThanTheRetention() {
        UUID expired = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.update(
                "insert into inbox (consumer, event_id, processed_at) values (?, ?, now() - interval '8 days')",
                "retention-test",
                expired);
        jdbc.update(
                "insert into inbox (consumer, event_id, processed_at) values (?, ?, now() - interval '6 days')",
                "retention-test",
                recent);

        cleanup.deleteExpired();

        assertThat(jdbc.queryForList("select event_id from inbox where consumer = 'retention-test'", UUID.class))
                .containsExactly(recent);
    }

    @Test
    void refusesToRecordAnEventOutsideATransaction() {
        assertThatThrownBy(() -> inbox.markProcessed(CONSUMER, List.of(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    private double duplicatesSkipped() {
        Counter counter =
                meters.find(Inbox.DUPLICATES_METRIC).tag("consumer", CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Published while the consumers are stopped, so the records wait on the partition and come in few polls. */
    private void publishWhileTheConsumersAreStopped(List<OrderPlaced> events) {
        context.stop();
        try {
            events.forEach(event -> producer.publish(TOPIC, event));
        } finally {
            context.start();
        }
    }

    private void awaitEachAppliedOnce(List<OrderPlaced> events) {
        await().atMost(PATIENCE).until(() -> events.stream()
                .allMatch(event -> ledger.timesApplied(event.getEnvelope().getEventId()) == 1));
    }
}
