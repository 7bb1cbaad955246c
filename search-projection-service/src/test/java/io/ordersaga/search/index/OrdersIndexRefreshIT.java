package io.ordersaga.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.search.projection.OrderDocuments;
import io.ordersaga.search.projection.OrderProjector;
import io.ordersaga.search.projection.ProjectionMetrics;
import io.ordersaga.search.support.ConsumedEvents;
import io.ordersaga.search.support.SagaScenario;
import io.ordersaga.search.support.SagaScenario.Row;
import io.ordersaga.search.support.ServiceIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index's refresh policy, from the checked-in settings: no fixed refresh interval, so a shard
 * that nobody searches is not refreshed while the projection writes to it (no segment a second, no
 * merging of them, under a load nobody is searching), and the first search after that waits for
 * one refresh and sees every write before it.
 */
@ServiceIntegrationTest
class OrdersIndexRefreshIT {

    private static final int ORDERS = 20;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    OrdersIndex orders;

    @Autowired
    OrderDocuments documents;

    @Autowired
    ProjectionMetrics metrics;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    private String index;

    @AfterEach
    void deleteTheIndex() throws Exception {
        if (index != null) {
            send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index))
                    .DELETE()
                    .build());
        }
    }

    @Test
    void anIndexNobodySearchesIsNotRefreshedWhileWrittenAndTheNextSearchSeesEveryWrite() throws Exception {
        index = orders.createNext();
        // Idle after one second without a search instead of Elasticsearch's thirty, so the test
        // does not wait half a minute; the policy under test is the same.
        var settings = send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_settings"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"index\":{\"search.idle.after\":\"1s\"}}"))
                .build());
        assertThat(settings.path("acknowledged").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> shard().path("search_idle").asBoolean());

        long refreshesBefore = refreshes();
        var projector = OrderProjector.rebuilding(index, documents, metrics);
        IntStream.range(0, ORDERS)
                .mapToObj(i -> SagaScenario.of(Row.HAPPY_PATH))
                .forEach(order -> projector.on(ConsumedEvents.consumed(order.events())));

        // Three times Elasticsearch's default interval: a fixed "refresh_interval": "1s" would have
        // refreshed after the writes within the first second.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> refreshes() == refreshesBefore);

        JsonNode hits = send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_search?size=0"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match_all\":{}}}"))
                        .build())
                .path("hits");
        assertThat(hits.path("total").path("value").asInt())
                .as("the first search after the writes sees all of them")
                .isEqualTo(ORDERS);
        assertThat(refreshes()).as("that search waited for a refresh").isGreaterThan(refreshesBefore);
    }

    private JsonNode shard() throws Exception {
        JsonNode shards = send(HttpRequest.newBuilder(
                                URI.create(elasticsearch + "/" + index + "/_stats/refresh?level=shards"))
                        .build())
                .path("indices")
                .path(index)
                .path("shards")
                .path("0");
        List<JsonNode> copies = shards.valueStream().toList();
        assertThat(copies).as("one shard, no replica").hasSize(1);
        return copies.getFirst();
    }

    private long refreshes() throws Exception {
        return shard().path("refresh").path("total").asLong();
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }
}
