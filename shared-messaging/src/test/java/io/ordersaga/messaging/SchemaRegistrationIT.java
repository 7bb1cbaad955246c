package io.ordersaga.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.rest.client.exception.RuleViolationException;
import io.ordersaga.infra.harness.SchemaRegistryServer;
import io.ordersaga.infra.harness.junit.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first uses of an event type's schema, many at once, against the real registry: what a freshly
 * started service sees when its first requests arrive together. Every serialization succeeds, every
 * payload carries the one schema id, and the registry holds the schema once.
 */
@RealInfrastructure
class SchemaRegistrationIT {

    private static final int THREADS = 16;
    private static final String TOPIC = "registration.events";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void concurrentFirstUsesOfOneSerdeAllSucceedAndRegisterTheSchemaOnce(SchemaRegistryServer registry)
            throws Exception {
        Schema schema = ProbeEvent.freshSchema("ProbedOnce");
        try (var serde = new EventSerde(registry.apiUrl())) {
            List<byte[]> payloads = serializeAtOnce(thread -> serde, schema);

            assertAllCarryOneRegisteredSchema(registry, schema, payloads);
        }
    }

    @Test
    void concurrentFirstUsesFromSeparateSerdesAllSucceedAndRegisterTheSchemaOnce(SchemaRegistryServer registry)
            throws Exception {
        Schema schema = ProbeEvent.freshSchema("ProbedBySeveral");
        var serdes = new ArrayList<EventSerde>();
        for (int i = 0; i < THREADS; i++) {
            serdes.add(new EventSerde(registry.apiUrl()));
        }
        try {
            List<byte[]> payloads = serializeAtOnce(serdes::get, schema);

            assertAllCarryOneRegisteredSchema(registry, schema, payloads);
        } finally {
            serdes.forEach(EventSerde::close);
        }
    }

    @Test
    void aSchemaTheRegistryRefusesStillFailsAndIsNotRetriedIntoANewVersion(SchemaRegistryServer registry)
            throws Exception {
        Schema first = ProbeEvent.freshSchema("ProbedThenBroken");
        Schema incompatible = SchemaBuilder.record(first.getName())
                .namespace(first.getNamespace())
                .fields()
                .requiredString("note")
                .requiredLong("addedWithoutADefault")
                .endRecord();
        try (var serde = new EventSerde(registry.apiUrl())) {
            serde.serialize(TOPIC, ProbeEvent.of(first, "first version"));

            assertThatThrownBy(() -> serde.serialize(TOPIC, ProbeEvent.of(incompatible, "breaks FULL_TRANSITIVE")))
                    .isInstanceOf(RuleViolationException.class);
        }
        assertThat(versionsOf(registry, first)).as("versions of the schema").isEqualTo(1);
    }

    /** Serializes one event per thread, all threads released together; fails on any failed call. */
    private static List<byte[]> serializeAtOnce(IntFunction<EventSerde> serdeOfThread, Schema schema)
            throws InterruptedException {
        var start = new CountDownLatch(1);
        var failures = new ArrayList<Throwable>();
        var payloads = new ArrayList<byte[]>();
        try (var threads = Executors.newFixedThreadPool(THREADS)) {
            var calls = new ArrayList<Future<byte[]>>();
            for (int i = 0; i < THREADS; i++) {
                EventSerde serde = serdeOfThread.apply(i);
                ProbeEvent event = ProbeEvent.of(schema, "note " + i);
                Callable<byte[]> call = () -> {
                    start.await();
                    return serde.serialize(TOPIC, event);
                };
                calls.add(threads.submit(call));
            }
            start.countDown();
            for (Future<byte[]> call : calls) {
                try {
                    payloads.add(call.get(2, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    failures.add(e);
                }
            }
        }
        assertThat(failures)
                .as("serializations that failed, of %d started together", THREADS)
                .extracting(SchemaRegistrationIT::describe)
                .isEmpty();
        return payloads;
    }

    private void assertAllCarryOneRegisteredSchema(SchemaRegistryServer registry, Schema schema, List<byte[]> payloads)
            throws Exception {
        assertThat(payloads).hasSize(THREADS);
        List<Integer> ids =
                payloads.stream().map(SchemaRegistrationIT::schemaId).distinct().toList();
        assertThat(ids).as("schema ids in the payloads").hasSize(1);

        Schema registered = new Schema.Parser()
                .parse(get(registry.ccompatUrl() + "/schemas/ids/" + ids.getFirst())
                        .path("schema")
                        .asString());
        assertThat(registered.getFullName()).isEqualTo(schema.getFullName());
        List<String> notes = new ArrayList<>();
        for (byte[] payload : payloads) {
            notes.add(decode(registered, payload).get("note").toString());
        }
        assertThat(notes)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, THREADS).mapToObj(i -> "note " + i).toList());

        assertThat(versionsOf(registry, schema))
                .as("versions of the registered schema")
                .isEqualTo(1);
    }

    /** Under the record-id strategy an event type's artifact is its record name in its namespace's group. */
    private int versionsOf(SchemaRegistryServer registry, Schema schema) throws Exception {
        return get(registry.apiUrl() + "/groups/" + schema.getNamespace() + "/artifacts/" + schema.getName()
                        + "/versions")
                .path("count")
                .asInt();
    }

    private static int schemaId(byte[] payload) {
        ByteBuffer frame = ByteBuffer.wrap(payload);
        assertThat(frame.get()).as("magic byte").isZero();
        return frame.getInt();
    }

    private static GenericRecord decode(Schema writer, byte[] payload) throws IOException {
        int header = 5;
        var decoder = DecoderFactory.get().binaryDecoder(payload, header, payload.length - header, null);
        return new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String describe(Throwable failure) {
        var text = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }
}
