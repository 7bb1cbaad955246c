package io.ordersaga.systemtest;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The saga's REST APIs as a customer and an operator use them: place, read and cancel orders, read the participants. */
public final class SagaClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String orders;
    private final String inventory;
    private final String payments;
    private final String shipping;
    private final HttpClient http;

    SagaClient(String orders, String inventory, String payments, String shipping) {
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.shipping = shipping;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** An answer: the status code and the body as JSON (null when empty). */
    public record Response(int status, JsonNode body) {
        public String text(String field) {
            JsonNode value = body == null ? null : body.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    /** One line of an order. */
    public record Line(String sku, int quantity, BigDecimal unitPrice) {}

    /**
     * An order as POST /orders takes it, shipped to {@code country} and paid with {@code paymentToken}.
     */
    public record OrderRequest(List<Line> lines, String country, String paymentToken) {

        public static OrderRequest of(String sku, int quantity, String unitPrice) {
            return new OrderRequest(List.of(new Line(sku, quantity, new BigDecimal(unitPrice))), "DE", "tok_visa");
        }

        public OrderRequest shippedTo(String destination) {
            return new OrderRequest(lines, destination, paymentToken);
        }

        public OrderRequest paidWith(String token) {
            return new OrderRequest(lines, country, token);
        }

        Map<String, Object> body() {
            return Map.of(
                    "customerId",
                    "customer-42",
                    "customerEmail",
                    "customer42@example.org",
                    "lines",
                    lines.stream()
                            .map(line -> Map.of(
                                    "sku", line.sku(), "quantity", line.quantity(), "unitPrice", line.unitPrice()))
                            .toList(),
                    "currency",
                    "EUR",
                    "shippingAddress",
                    Map.of(
                            "recipientName", "Ada Lovelace",
                            "street", "Saga Street 1",
                            "city", "Berlin",
                            "postalCode", "10115",
                            "country", country),
                    "paymentToken",
                    paymentToken);
        }
    }

    /** POST /orders; the answer of an accepted order is 202 with {@code orderId}. */
    public Response place(OrderRequest order) {
        return send(HttpRequest.newBuilder(URI.create(orders + "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(order.body()))));
    }

    /** POST /orders, expecting 202: the new order's id. */
    public UUID placeAccepted(OrderRequest order) {
        var response = place(order);
        if (response.status() != 202) {
            throw new AssertionError("POST /orders answered " + response.status() + ": " + response.body());
        }
        return UUID.fromString(response.text("orderId"));
    }

    /** GET /orders/{id}. */
    public Response order(UUID id) {
        return send(HttpRequest.newBuilder(URI.create(orders + "/orders/" + id)).GET());
    }

    /** The order's status, e.g. PENDING, CONFIRMED, CANCELLED. */
    public String status(UUID id) {
        return order(id).text("status");
    }

    /** POST /orders/{id}/cancel. */
    public Response cancel(UUID id) {
        return send(HttpRequest.newBuilder(URI.create(orders + "/orders/" + id + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** GET /payments?orderId=: empty while payment has not heard of the order. */
    public List<JsonNode> payments(UUID orderId) {
        return list(payments + "/payments?orderId=" + orderId);
    }

    /** GET /shipments?orderId=. */
    public List<JsonNode> shipments(UUID orderId) {
        return list(shipping + "/shipments?orderId=" + orderId);
    }

    /** GET /products: the catalog with each product's onHand, reserved and available units. */
    public List<JsonNode> products() {
        return list(inventory + "/products");
    }

    /** The product {@code sku} as GET /products shows it. */
    public JsonNode product(String sku) {
        return products().stream()
                .filter(p -> p.get("sku").asString().equals(sku))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no product " + sku));
    }

    /** PUT /products/{sku}/stock. */
    public Response setStock(String sku, int onHand) {
        return send(HttpRequest.newBuilder(URI.create(inventory + "/products/" + sku + "/stock"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": " + onHand + "}")));
    }

    private List<JsonNode> list(String url) {
        var response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        if (response.status() != 200
                || response.body() == null
                || !response.body().isArray()) {
            throw new AssertionError("GET " + url + " answered " + response.status() + ": " + response.body());
        }
        return response.body().valueStream().toList();
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
