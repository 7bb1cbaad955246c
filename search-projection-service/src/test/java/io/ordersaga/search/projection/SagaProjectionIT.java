package io.ordersaga.search.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.search.support.SagaEvents;
import io.ordersaga.search.support.SagaScenario;
import io.ordersaga.search.support.SagaScenario.Published;
import io.ordersaga.search.support.SagaScenario.Row;
import io.ordersaga.search.support.ServiceIntegrationTest;
import io.ordersaga.web.testing.ServiceHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projection against the real servers: saga events in through Kafka, one document per order
 * out in Elasticsearch, read back through the alias.
 */
@ServiceIntegrationTest
class SagaProjectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ALIAS = "orders";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    SagaEvents saga;

    @Autowired
    ServiceHttp http;

    @ParameterizedTest
    @EnumSource(Row.class)
    void projectsEverySagaRowIntoTheDocumentItsEventsImply(Row row) {
        var scenario = SagaScenario.of(row);

        saga.publishAll(scenario.events());

        OrderDocument expected = SagaEvents.expected(scenario.events());
        OrderDocument document = await().atMost(PATIENCE)
                .until(() -> saga.document(ALIAS, scenario.orderId()).orElse(null), expected::equals);
        assertThat(document.status()).isEqualTo(row == Row.HAPPY_PATH ? OrderStatus.CONFIRMED : OrderStatus.CANCELLED);
        assertThat(document.reason()).isEqualTo(row == Row.HAPPY_PATH ? null : row.name());
        assertThat(document.customerId()).isEqualTo(scenario.customerId());
    }

    @Test
    void convergesWhenEventsArriveTwiceAndTheTopicsInterleaveAtRandom() {
        var random = new Random(42);
        Map<UUID, OrderDocument> expected = new HashMap<>();
        var streams = new ArrayList<List<Published>>();
        for (Row row : Row.values()) {
            for (int copy = 0; copy < 4; copy++) {
                var scenario = SagaScenario.of(row);
                expected.put(scenario.orderId(), SagaEvents.expected(scenario.events()));
                streams.add(interleaveWithRedeliveries(scenario, random));
            }
        }

        saga.publishAll(merge(streams, random));

        await().atMost(PATIENCE)
                .untilAsserted(() -> expected.forEach((orderId, document) -> assertThat(saga.document(ALIAS, orderId))
                        .as("order %s", orderId)
                        .contains(document)));
    }

    @Test
    void reportsTheLiveProjectionHealthyWithItsIndexLagAndNewestEvent() throws Exception {
        var scenario = SagaScenario.of(Row.HAPPY_PATH);
        saga.publishAll(scenario.events());
        OrderDocument expected = SagaEvents.expected(scenario.events());
        await().atMost(PATIENCE)
                .until(() -> saga.document(ALIAS, scenario.orderId()).orElse(null), expected::equals);

        JsonNode health = await().atMost(PATIENCE)
                .until(() -> actuator("/actuator/health/projection"), node -> node.path("details")
                        .path("lastIndexedEventAt")
                        .asString("")
                        .equals(expected.lastEventAt().toString()));

        assertThat(health.path("status").asString()).as(health.toString()).isEqualTo("UP");
        assertThat(health.path("details").path("alias").asString()).isEqualTo(ALIAS);
        assertThat(health.path("details").path("index").asString()).startsWith("orders-v");
        assertThat(Duration.parse(health.path("details").path("lastBatchLag").asString()))
                .isLessThan(Duration.ofSeconds(60));
        JsonNode lag = actuator("/actuator/metrics/search.projection.lag?tag=projector:live");
        assertThat(lag.path("measurements").get(0).path("value").asDouble()).isPositive();
    }

    private JsonNode actuator(String path) throws Exception {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 503);
        return json.readTree(response.body());
    }

    /** The streams mixed into one, each keeping its own order. */
    private static List<Published> merge(List<List<Published>> streams, Random random) {
        var remaining = new ArrayList<List<Published>>();
        streams.forEach(stream -> remaining.add(new ArrayList<>(stream)));
        var merged = new ArrayList<Published>();
        while (!remaining.isEmpty()) {
            List<Published> stream = remaining.get(random.nextInt(remaining.size()));
            merged.add(stream.removeFirst());
            if (stream.isEmpty()) {
                remaining.remove(stream);
            }
        }
        return merged;
    }

    /**
     * The order's events as a consumer may see them: each topic in its own order, with earlier
     * events of the topic delivered again (an offset rewind), and the topics interleaved at random.
     */
    private static List<Published> interleaveWithRedeliveries(SagaScenario scenario, Random random) {
        var perTopic = new ArrayList<List<Published>>();
        for (String topic : SagaScenario.TOPICS) {
            var stream = new ArrayList<>(scenario.eventsOn(topic));
            if (stream.isEmpty()) {
                continue;
            }
            int redeliveries = 1 + random.nextInt(stream.size());
            for (int i = 0; i < redeliveries; i++) {
                int from = random.nextInt(stream.size());
                stream.add(stream.get(from));
            }
            perTopic.add(stream);
        }
        var interleaved = new ArrayList<Published>();
        while (perTopic.stream().anyMatch(stream -> !stream.isEmpty())) {
            var nonEmpty = perTopic.stream().filter(stream -> !stream.isEmpty()).toList();
            interleaved.add(nonEmpty.get(random.nextInt(nonEmpty.size())).removeFirst());
        }
        return interleaved;
    }
}
