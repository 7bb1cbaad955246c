package io.ordersaga.loadtest.simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A few orders placed one at a time before the measured load, one of each outcome of the mix: the
 * services' first requests pay for class loading, connection pools and the registry look-up of each
 * event schema, which is not what the load test measures. Their orders stay in the databases and are
 * checked by the invariants like any other.
 */
public final class Warmup {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Warmup() {}

    /** Places {@code rounds} orders of each outcome of {@code mix}; answers the HTTP statuses, in order. */
    public static List<Integer> run(String baseUrl, OutcomeMix mix, int rounds) {
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var feeder = new OrderFeeder(mix, 0);
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < rounds * mix.total(); i++) {
            var order = feeder.next();
            var request = HttpRequest.newBuilder(URI.create(baseUrl + "/orders"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString((String) order.get(OrderFeeder.BODY)))
                    .build();
            try {
                statuses.add(client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            } catch (IOException e) {
                throw new IllegalStateException("warm-up order failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the warm-up", e);
            }
        }
        return statuses;
    }
}
