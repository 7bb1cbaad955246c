package io.ordersaga.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The search read model as invariant 5 sees it: each indexed order's status. */
@FunctionalInterface
public interface OrderIndex {

    /** Every order document's status (PLACED, CONFIRMED, CANCELLED), by order id. */
    Map<UUID, String> statuses();

    /**
     * Read straight from Elasticsearch at {@code url}, through the alias {@code orders} the search
     * service answers from, after a refresh so that every indexed write is visible.
     */
    static OrderIndex elasticsearch(String url) {
        var http = HttpClient.newHttpClient();
        var json = JsonMapper.builder().build();
        String base = url.replaceAll("/$", "") + "/orders";
        return () -> {
            try {
                send(
                        http,
                        HttpRequest.newBuilder(URI.create(base + "/_refresh"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build());
                var statuses = new HashMap<UUID, String>();
                JsonNode after = null;
                while (true) {
                    ObjectNode query = json.createObjectNode();
                    query.put("size", 1000);
                    query.putArray("_source").add("orderId").add("status");
                    query.putArray("sort").addObject().put("orderId", "asc");
                    if (after != null) {
                        query.set("search_after", after);
                    }
                    JsonNode hits = json.readTree(send(
                                    http,
                                    HttpRequest.newBuilder(URI.create(base + "/_search"))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(query)))
                                            .build()))
                            .path("hits")
                            .path("hits");
                    if (hits.isEmpty()) {
                        return statuses;
                    }
                    for (JsonNode hit : hits) {
                        JsonNode source = hit.path("_source");
                        statuses.put(
                                UUID.fromString(source.path("orderId").asString()),
                                source.path("status").asString());
                    }
                    after = (ArrayNode) hits.get(hits.size() - 1).path("sort");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the search index at " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the search index", e);
            }
        };
    }

    private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
