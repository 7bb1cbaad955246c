package io.ordersaga.loadtest.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders read through GET /orders/{id}, for a target given only by its base URL (no database access):
 * one request per order, a few at a time so the reading does not become a load of its own.
 */
public final class ApiOrderStates implements OrderStates {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONCURRENCY = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public ApiOrderStates(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Map<UUID, OrderEnd> find(Collection<UUID> ids) {
        var found = new ConcurrentHashMap<UUID, OrderEnd>();
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<RuntimeException>();
        var permits = new Semaphore(CONCURRENCY);
        try (var readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (UUID id : ids) {
                permits.acquireUninterruptibly();
                readers.submit(() -> {
                    try {
                        read(id).ifPresent(order -> found.put(id, order));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
        return found;
    }

    private Optional<OrderEnd> read(UUID id) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/orders/" + id))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /orders/" + id + " answered " + response.statusCode());
            }
            JsonNode order = JSON.readTree(response.body());
            return Optional.of(new OrderEnd(
                    id,
                    order.get("status").asString(),
                    text(order, "cancellationReason"),
                    Instant.parse(order.get("placedAt").asString()),
                    text(order, "completedAt") == null ? null : Instant.parse(text(order, "completedAt"))));
        } catch (IOException e) {
            throw new IllegalStateException("GET /orders/" + id + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
