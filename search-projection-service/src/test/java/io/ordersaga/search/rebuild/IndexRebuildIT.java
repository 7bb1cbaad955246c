package io.ordersaga.search.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.search.projection.OrderDocument;
import io.ordersaga.search.support.SagaEvents;
import io.ordersaga.search.support.SagaScenario;
import io.ordersaga.search.support.SagaScenario.Row;
import io.ordersaga.search.support.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuild while orders keep flowing and clients keep querying: the alias ends on the new index,
 * no query fails on the way, and every order's document in the new index is the one its events
 * imply.
 */
@ServiceIntegrationTest
class IndexRebuildIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final long PUBLISH_EVERY_MS = 25;
    private static final long QUERY_EVERY_MS = 10;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(2);

    @Autowired
    SagaEvents saga;

    @Value("${local.server.port}")
    int port;

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void rebuildsIntoANewIndexAndSwapsTheAliasWhileEventsFlowAndQueriesNeverFail() throws Exception {
        var published = new ConcurrentLinkedQueue<SagaScenario>();
        var random = new Random(7);
        var rows = Row.values();
        var publishing = background.scheduleAtFixedRate(
                () -> {
                    var order = SagaScenario.of(rows[random.nextInt(rows.length)]);
                    saga.publishAll(order.events());
                    published.add(order);
                },
                0,
                PUBLISH_EVERY_MS,
                TimeUnit.MILLISECONDS);
        Queue<String> failedQueries = new ConcurrentLinkedQueue<>();
        var queries = new AtomicInteger();
        var querying = background.scheduleAtFixedRate(
                () -> {
                    try {
                        HttpResponse<String> response = send(get("/search/orders?size=5&sort=lastEventAt,desc"));
                        if (response.statusCode() != 200) {
                            failedQueries.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failedQueries.add(e.toString());
                    }
                    queries.incrementAndGet();
                },
                0,
                QUERY_EVERY_MS,
                TimeUnit.MILLISECONDS);
        await().atMost(PATIENCE).until(() -> published.size() >= 20);
        String before = state().path("index").asString();

        HttpResponse<String> started = send(HttpRequest.newBuilder(actuator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"rebuild\"}"))
                .build());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode rebuild = json.readTree(started.body()).path("rebuild");
        assertThat(rebuild.path("state").asString()).isEqualTo("REPLAYING");
        assertThat(rebuild.path("from").asString()).isEqualTo(before);
        String target = rebuild.path("to").asString();
        assertThat(target).isEqualTo("orders-v" + (Integer.parseInt(before.substring("orders-v".length())) + 1));
        int queriesAtStart = queries.get();
        HttpResponse<String> again = send(HttpRequest.newBuilder(actuator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"rebuild\"}"))
                .build());
        assertThat(again.statusCode()).as("one rebuild at a time").isEqualTo(400);

        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> state().path("rebuild").path("state").asString(),
                        state -> state.equals("COMPLETED") || state.equals("FAILED"));
        JsonNode done = state();
        assertThat(done.path("rebuild").path("state").asString())
                .as(done.toString())
                .isEqualTo("COMPLETED");
        int publishedDuringRebuild = published.size();
        await().atMost(PATIENCE).until(() -> published.size() >= publishedDuringRebuild + 20);
        publishing.cancel(false);
        int queriesDuringRebuild = queries.get() - queriesAtStart;
        querying.cancel(false);

        assertThat(done.path("index").asString()).isEqualTo(target);
        assertThat(failedQueries).as("queries during the rebuild").isEmpty();
        assertThat(queriesDuringRebuild).isGreaterThan(10);
        List<SagaScenario> orders = List.copyOf(published);
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (SagaScenario order : orders) {
                OrderDocument expected = SagaEvents.expected(order.events());
                assertThat(saga.document(target, order.orderId()))
                        .as("order %s in %s", order.orderId(), target)
                        .contains(expected);
            }
        });
        assertThat(saga.document("orders", orders.getLast().orderId()))
                .as("the alias serves the new index")
                .isEqualTo(saga.document(target, orders.getLast().orderId()));
    }

    @Test
    void refusesAnUnknownOperation() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(actuator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"drop\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private JsonNode state() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(actuator()).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build();
    }

    private URI actuator() {
        return URI.create("http://127.0.0.1:" + port + "/actuator/searchindex");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
