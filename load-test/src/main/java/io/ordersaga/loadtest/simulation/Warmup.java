package io.ordersaga.loadtest.simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders placed one at a time before the measured load, a round of the mix (so each outcome's path
 * runs): a freshly started stack's first sagas pay for class loading, connection pools, consumer group
 * assignments and the registry look-up of each event schema, and took up to 25 s each on a loaded
 * machine, which is not what the load test measures. The runner waits for these orders to end before
 * the load starts. They stay in the databases and are checked by the invariants like any other.
 */
public final class Warmup {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Warmup() {}

    /** Places {@code rounds} rounds of {@code mix}; answers the ids of the accepted orders. */
    public static List<UUID> run(String baseUrl, OutcomeMix mix, int rounds) {
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var feeder = new OrderFeeder(mix, 0);
        var accepted = new ArrayList<UUID>();
        for (int i = 0; i < rounds * mix.total(); i++) {
            var order = feeder.next();
            var request = HttpRequest.newBuilder(URI.create(baseUrl + "/orders"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString((String) order.get(OrderFeeder.BODY)))
                    .build();
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    accepted.add(UUID.fromString(
                            JSON.readTree(response.body()).get("orderId").asString()));
                }
            } catch (IOException e) {
                throw new IllegalStateException("warm-up order failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the warm-up", e);
            }
        }
        return accepted;
    }
}
