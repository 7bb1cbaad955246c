package io.ordersaga.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.common.OrderLine;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.infra.harness.KafkaServer;
import io.ordersaga.infra.harness.SchemaRegistryServer;
import io.ordersaga.infra.harness.junit.RealInfrastructure;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated event through a real Kafka broker, serialized by the Apicurio serde against a real
 * registry in the Confluent wire format: magic byte 0, a 4-byte schema id, Avro binary.
 */
@RealInfrastructure
class AvroOverKafkaRoundTripIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void roundTripsAnEventInTheConfluentWireFormatThroughTheRegistry(KafkaServer kafka, SchemaRegistryServer registry)
            throws Exception {
        String topic = "orders.events.roundtrip-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        OrderPlaced placed = orderPlaced();
        String key = placed.getEnvelope().getOrderId().toString();

        try (var producer = new KafkaProducer<String, OrderPlaced>(producerConfig(kafka, registry))) {
            producer.send(new ProducerRecord<>(topic, key, placed)).get();
        }

        ConsumerRecord<String, byte[]> raw =
                firstRecord(new KafkaConsumer<>(consumerConfig(kafka, registry, ByteArrayDeserializer.class)), topic);
        ByteBuffer frame = ByteBuffer.wrap(raw.value());
        assertThat(frame.get()).as("magic byte").isZero();
        int schemaId = frame.getInt();

        JsonNode registered = getJson(registry.ccompatUrl() + "/schemas/ids/" + schemaId);
        Schema writerSchema =
                new Schema.Parser().parse(registered.path("schema").asString());
        assertThat(writerSchema.getFullName()).isEqualTo("io.ordersaga.events.order.OrderPlaced");

        // What a plain Confluent-format consumer does: strip the frame, decode with the registry's schema.
        byte[] avro = new byte[frame.remaining()];
        frame.get(avro);
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(writerSchema)
                .read(null, DecoderFactory.get().binaryDecoder(avro, null));
        assertThat(decoded.get("customerEmail").toString()).isEqualTo("ada@example.org");
        assertThat(raw.key()).isEqualTo(key);

        ConsumerRecord<String, OrderPlaced> typed =
                firstRecord(new KafkaConsumer<>(consumerConfig(kafka, registry, AvroKafkaDeserializer.class)), topic);
        assertThat(typed.value()).isEqualTo(placed);
        assertThat(typed.value().getTotal().getAmount()).isEqualByComparingTo("59.97");
    }

    @Test
    void registersEventSchemasUnderFullTransitiveCompatibility(SchemaRegistryServer registry) throws Exception {
        assertThat(getJson(registry.ccompatUrl() + "/config")
                        .path("compatibilityLevel")
                        .asString())
                .isEqualTo("FULL_TRANSITIVE");
    }

    private static OrderPlaced orderPlaced() {
        var unitPrice = Money.newBuilder()
                .setAmount(new BigDecimal("19.99"))
                .setCurrency("EUR")
                .build();
        return OrderPlaced.newBuilder()
                .setEnvelope(EventEnvelope.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setEventType("OrderPlaced")
                        .setSchemaVersion(1)
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                        .setOrderId(UUID.randomUUID())
                        .setCausationId(null)
                        .build())
                .setCustomerId("customer-42")
                .setCustomerEmail("ada@example.org")
                .setLines(List.of(OrderLine.newBuilder()
                        .setSku("BOOK-001")
                        .setQuantity(3)
                        .setUnitPrice(unitPrice)
                        .build()))
                .setTotal(Money.newBuilder()
                        .setAmount(new BigDecimal("59.97"))
                        .setCurrency("EUR")
                        .build())
                .setShippingAddress(Address.newBuilder()
                        .setRecipientName("Ada Lovelace")
                        .setStreet("1 St James's Square")
                        .setCity("London")
                        .setPostalCode("SW1Y 4JU")
                        .setCountry("GB")
                        .build())
                .setPaymentToken("tok_visa_4242")
                .build();
    }

    /** The serde settings that give the Confluent wire format (see docs/events.md). */
    private static Map<String, Object> serdeConfig(SchemaRegistryServer registry) {
        var config = new HashMap<String, Object>();
        config.put(SerdeConfig.REGISTRY_URL, registry.apiUrl());
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        // The 4-byte schema id of the Confluent frame, named as the id handler itself: the flag
        // apicurio.registry.as-confluent (ENABLE_CONFLUENT_ID_HANDLER) installs the same handler but
        // warns that it overrides the default one.
        config.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName());
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    private static Map<String, Object> producerConfig(KafkaServer kafka, SchemaRegistryServer registry) {
        var config = serdeConfig(registry);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
        return config;
    }

    private static Map<String, Object> consumerConfig(
            KafkaServer kafka, SchemaRegistryServer registry, Class<?> valueDeserializer) {
        var config = serdeConfig(registry);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        return config;
    }

    private static <V> ConsumerRecord<String, V> firstRecord(KafkaConsumer<String, V> consumer, String topic) {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, V>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            return received.getFirst();
        }
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
