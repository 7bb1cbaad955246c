package io.ordersaga.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.systemtest.SagaClient.OrderRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model rebuilt without downtime, in the whole system: while orders keep coming and a
 * client keeps searching, the operator's rebuild replays the topics into a new index and moves the
 * alias to it. No search fails, and afterwards the index equals the order database: invariant 5,
 * checked after every test, is checked here against the rebuilt index.
 */
class SearchRebuildIT extends SagaSystemTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void rebuildsTheIndexWhileOrdersKeepComingAndSearchesNeverFail() throws Exception {
        var before = List.of(
                place(OrderRequest.of("BOOK-001", 1, "49.90")),
                place(OrderRequest.of("BOOK-001", 1, "49.90").paidWith("tok_decline_rebuild")));
        before.forEach(SagaSystemTest::awaitTerminal);
        String oldIndex = searchIndex().path("index").asString();

        var placedDuring = java.util.Collections.synchronizedList(new ArrayList<UUID>());
        var searches = new AtomicInteger();
        var failedSearches = java.util.Collections.synchronizedList(new ArrayList<String>());
        var placingFailures = java.util.Collections.synchronizedList(new ArrayList<Throwable>());
        // The load at a fixed pace: an order every 200 ms, a search every 50 ms, until the rebuild ends.
        var load = Executors.newScheduledThreadPool(2);
        try {
            load.scheduleWithFixedDelay(
                    () -> {
                        try {
                            placedDuring.add(place(OrderRequest.of("KEYBOARD-001", 1, "89.00")));
                        } catch (RuntimeException | AssertionError e) {
                            placingFailures.add(e);
                        }
                    },
                    0,
                    200,
                    TimeUnit.MILLISECONDS);
            load.scheduleWithFixedDelay(
                    () -> {
                        searches.incrementAndGet();
                        try {
                            var response = get("/search/orders?customerId=customer-42&size=5");
                            if (response.statusCode() != 200) {
                                failedSearches.add(response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            failedSearches.add(e.toString());
                        }
                    },
                    0,
                    50,
                    TimeUnit.MILLISECONDS);

            var started = post("/actuator/searchindex", "{\"operation\":\"rebuild\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            await("the rebuild completes")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> searchIndex().path("rebuild").path("state").asString(), "COMPLETED"::equals);
        } finally {
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        JsonNode state = searchIndex();
        assertThat(state.path("index").asString()).isNotEqualTo(oldIndex);
        assertThat(state.path("rebuild").path("from").asString()).isEqualTo(oldIndex);
        assertThat(placingFailures)
                .as("orders that could not be placed during the rebuild")
                .isEmpty();
        assertThat(placedDuring).as("orders placed during the rebuild").isNotEmpty();
        assertThat(searches.get()).as("searches during the rebuild").isPositive();
        assertThat(failedSearches).as("searches that failed during the rebuild").isEmpty();
        placedDuring.forEach(SagaSystemTest::awaitTerminal);
        // The rebuilt index equals the order database, every order placed before, during and after:
        // invariant 5, checked once the saga is quiet (SagaSystemTest).
    }

    private JsonNode searchIndex() throws Exception {
        var response = get("/actuator/searchindex");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(stack.searchService().baseUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(stack.searchService().baseUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
