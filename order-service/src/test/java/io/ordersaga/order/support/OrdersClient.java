package io.ordersaga.order.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks HTTP to the service under test, as a client would: raw bodies, any headers. */
public class OrdersClient {

    public record Response(int status, Map<String, List<String>> headers, String body, JsonNode json) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final JsonMapper json;

    public OrdersClient(int port, JsonMapper json) {
        this.base = "http://localhost:" + port;
        this.json = json;
    }

    public Response post(String path, String contentType, String body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public Response placeOrder(String body, String... headers) {
        return post("/orders", "application/json", body, headers);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var body = response.body();
            JsonNode tree = null;
            if (body != null && !body.isBlank() && body.startsWith("{")) {
                tree = json.readTree(body);
            }
            return new Response(response.statusCode(), response.headers().map(), body, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
