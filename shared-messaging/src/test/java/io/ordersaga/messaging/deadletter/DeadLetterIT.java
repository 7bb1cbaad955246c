package io.ordersaga.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.consumer.InvalidEventException;
import io.ordersaga.messaging.testapp.ConsumerTestApplication;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.Events;
import io.ordersaga.messaging.testapp.OrderLedger;
import io.ordersaga.messaging.testapp.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The failure policy: poison goes to the dead-letter topic at once, with the original bytes and
 * the reason, and the partition moves on; transient failures are retried; an operator lists dead
 * letters and redrives one over HTTP once its cause is fixed.
 */
@SpringBootTest(
        classes = ConsumerTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "harness.database=dead_letter_it",
            "messaging.service-name=" + DeadLetterIT.GROUP,
            "messaging.consumer.topics=" + DeadLetterIT.TOPIC
        })
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@DirtiesContext
class DeadLetterIT {

    static final String TOPIC = "orders.events.dead-letter-it";
    private static final String DLT = TOPIC + ".DLT";
    static final String GROUP = "dead-letter-it";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String UNDECODABLE = "io.ordersaga.messaging.consumer.UndecodableEventException";
    private static final String UNKNOWN_EVENT_TYPE = "io.ordersaga.messaging.consumer.UnknownEventTypeException";
    private static final String INVALID = InvalidEventException.class.getName();

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    OrderLedger ledger;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventSerde serde;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${local.server.port}")
    int port;

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
    void sendsPoisonStraightToTheDeadLetterTopicAndProcessesWhatFollowsOnThePartition() {
        UUID orderId = UUID.randomUUID();
        String key = orderId.toString();
        OrderPlaced mislabelled = Events.orderPlaced(orderId, "OrderShipped");
        OrderPlaced rejected = Events.orderPlaced(orderId);
        ledger.rejectAsInvalid(rejected.getEnvelope().getEventId());
        byte[] unknownSchemaId = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2, 4, 6};
        double deadLettersBefore = deadLetterCount();

        // Everything on one key, so on one partition, in this order.
        var poison = new LinkedHashMap<RecordMetadata, Expected>();
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        poison.put(producer.publishRaw(TOPIC, key, garbage), new Expected(garbage, UNDECODABLE));
        poison.put(producer.publishRaw(TOPIC, key, unknownSchemaId), new Expected(unknownSchemaId, UNDECODABLE));
        byte[] notAnEvent = producer.serialize(TOPIC, Events.euros("1.00"));
        poison.put(producer.publishRaw(TOPIC, key, notAnEvent), new Expected(notAnEvent, UNKNOWN_EVENT_TYPE));
        byte[] mislabelledBytes = producer.serialize(TOPIC, mislabelled);
        poison.put(
                producer.publish(TOPIC, mislabelled.getEnvelope(), mislabelledBytes, Traceparent.start()),
                new Expected(mislabelledBytes, INVALID));
        byte[] rejectedBytes = producer.serialize(TOPIC, rejected);
        poison.put(
                producer.publish(TOPIC, rejected.getEnvelope(), rejectedBytes, Traceparent.start()),
                new Expected(rejectedBytes, INVALID));
        OrderConfirmed notHandledHere = Events.orderConfirmed(orderId);
        producer.publish(TOPIC, notHandledHere);
        OrderPlaced valid = Events.orderPlaced(orderId);
        RecordMetadata validRecord = producer.publish(TOPIC, valid);

        await().atMost(PATIENCE)
                .until(() -> ledger.timesApplied(valid.getEnvelope().getEventId()) == 1);
        assertThat(poison.keySet())
                .allSatisfy(record -> assertThat(record.partition()).isEqualTo(validRecord.partition()));

        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLettersOf(key);
        assertThat(deadLetters).hasSize(poison.size());
        var published = new ArrayList<>(poison.entrySet());
        for (int i = 0; i < published.size(); i++) {
            RecordMetadata original = published.get(i).getKey();
            Expected expected = published.get(i).getValue();
            ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(i);
            assertThat(deadLetter.value()).as("original bytes").isEqualTo(expected.value());
            assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo(key);
            assertThat(deadLetter.partition()).isEqualTo(original.partition());
            assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(expected.exception());
            assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))
                    .isEqualTo(GROUP);
            assertThat(ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION))
                            .getInt())
                    .isEqualTo(original.partition());
            assertThat(ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET))
                            .getLong())
                    .isEqualTo(original.offset());
        }
        assertThat(ledger.attempts(rejected.getEnvelope().getEventId()))
                .as("an invalid event is not retried")
                .isEqualTo(1);
        assertThat(ledger.timesApplied(rejected.getEnvelope().getEventId())).isZero();
        assertThat(deadLetterCount() - deadLettersBefore).isEqualTo(poison.size());
    }

    @Test
    void retriesATransientFailureAndAppliesTheEventOnce() {
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = Events.orderPlaced(orderId);
        UUID eventId = placed.getEnvelope().getEventId();
        ledger.failTransiently(eventId, 2);

        producer.publish(TOPIC, placed);

        await().atMost(PATIENCE).until(() -> ledger.timesApplied(eventId) == 1);
        assertThat(ledger.attempts(eventId)).isEqualTo(3);
        assertThat(deadLettersOf(orderId.toString())).isEmpty();
    }

    @Test
    void redrivesADeadLetterOverHttpOnceItsCauseIsFixedAndAppliesItOnce() throws Exception {
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = Events.orderPlaced(orderId);
        UUID eventId = placed.getEnvelope().getEventId();
        ledger.breakFor(orderId);

        producer.publish(TOPIC, placed);

        JsonNode deadLetter = await().atMost(PATIENCE).until(() -> listedDeadLetter(eventId), letter -> letter != null);
        assertThat(ledger.attempts(eventId)).as("retried, then given up").isEqualTo(3);
        assertThat(ledger.timesApplied(eventId)).isZero();
        assertThat(deadLetter.path("topic").asString()).isEqualTo(DLT);
        assertThat(deadLetter.path("key").asString()).isEqualTo(orderId.toString());
        assertThat(deadLetter.path("eventType").asString()).isEqualTo("OrderPlaced");
        assertThat(deadLetter.path("exceptionClass").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(deadLetter.path("exceptionMessage").asString()).contains("bug");
        assertThat(deadLetter.path("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(deadLetter.path("consumerGroup").asString()).isEqualTo(GROUP);

        ledger.fixFor(orderId);
        HttpResponse<String> redriven = redrive(deadLetter);

        assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(200);
        assertThat(json.readTree(redriven.body()).path("topic").asString()).isEqualTo(TOPIC);
        await().atMost(PATIENCE).until(() -> ledger.timesApplied(eventId) == 1);

        double skippedBefore = duplicatesSkipped();
        assertThat(redrive(deadLetter).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> duplicatesSkipped() >= skippedBefore + 1);
        assertThat(ledger.timesApplied(eventId)).isEqualTo(1);
    }

    @Test
    void refusesToRedriveFromATopicThatIsNotOneOfItsDeadLetterTopics() throws Exception {
        HttpResponse<String> response = post(Map.of("dltTopic", "payments.events.DLT", "partition", 0, "offset", 0));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void neitherListsNorRedrivesTheDeadLettersOfAnotherServiceConsumingTheSameTopic() throws Exception {
        // Every consumer of a topic dead-letters to the same <topic>.DLT.
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = Events.orderPlaced(orderId);
        RecordMetadata theirs = producer.publishDeadLetter(
                DLT, placed.getEnvelope(), producer.serialize(TOPIC, placed), "some-other-service", Instant.now());

        assertThat(listedDeadLetter(placed.getEnvelope().getEventId())).isNull();
        HttpResponse<String> response =
                post(Map.of("dltTopic", DLT, "partition", theirs.partition(), "offset", theirs.offset()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ledger.attempts(placed.getEnvelope().getEventId())).isZero();
    }

    @Test
    void refusesToRedriveAnEventOlderThanTheInboxRetention() throws Exception {
        // The other services consuming the topic may have forgotten they applied it.
        OrderPlaced placed = Events.orderPlaced(UUID.randomUUID());
        RecordMetadata old = producer.publishDeadLetter(
                DLT,
                placed.getEnvelope(),
                producer.serialize(TOPIC, placed),
                GROUP,
                Instant.now().minus(Duration.ofDays(8)));

        HttpResponse<String> response =
                post(Map.of("dltTopic", DLT, "partition", old.partition(), "offset", old.offset()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ledger.attempts(placed.getEnvelope().getEventId())).isZero();
    }

    /** What a poison record must look like in the dead-letter topic. */
    private record Expected(byte[] value, String exception) {}

    private List<ConsumerRecord<byte[], byte[]>> deadLettersOf(String key) {
        return TopicReader.readAll(bootstrapServers, DLT).stream()
                .filter(record -> key.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .toList();
    }

    private JsonNode listedDeadLetter(UUID eventId) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(actuator()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode letter : json.readTree(response.body())) {
            if (eventId.toString().equals(letter.path("eventId").asString(null))) {
                return letter;
            }
        }
        return null;
    }

    private HttpResponse<String> redrive(JsonNode deadLetter) throws Exception {
        return post(Map.of(
                "dltTopic", deadLetter.path("topic").asString(),
                "partition", deadLetter.path("partition").asInt(),
                "offset", deadLetter.path("offset").asLong()));
    }

    private HttpResponse<String> post(Map<String, Object> body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(actuator())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI actuator() {
        return URI.create("http://127.0.0.1:" + port + "/actuator/deadletters");
    }

    private double deadLetterCount() {
        return meters.find(DeadLetterRecoverer.METRIC).tag("topic", TOPIC).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private double duplicatesSkipped() {
        var counter =
                meters.find("inbox.duplicates.skipped").tag("consumer", GROUP).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return header.value();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        return new String(header(record, name), StandardCharsets.UTF_8);
    }
}
