package io.ordersaga.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.order.support.OrderRequests;
import io.ordersaga.order.support.OrdersClient;
import io.ordersaga.order.support.ServiceIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service integration tier: bad input to POST /orders gets a 4xx problem detail naming each invalid
 * field, never a 5xx, and nothing is stored.
 */
@ServiceIntegrationTest
class RejectedOrderRequestsIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    OrdersClient client;

    @BeforeEach
    void startWithNoOrders() {
        client = new OrdersClient(port, json);
        jdbc.sql("delete from orders").update();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(count("orders")).isZero();
        assertThat(count("idempotency_keys")).isZero();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static List<String> fields(OrdersClient.Response response) {
        var fields = new ArrayList<String>();
        for (JsonNode error : response.json().get("errors")) {
            fields.add(error.get("field").asString());
            assertThat(error.get("message").asString()).isNotBlank();
        }
        return fields;
    }

    private static void assertProblem(OrdersClient.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
    }

    @Test
    void namesEveryMissingField() {
        var response = client.placeOrder("""
                {"lines": [{"sku": "SKU-1"}], "shippingAddress": {"city": "Berlin"}}
                """);

        assertProblem(response, 400);
        assertThat(fields(response))
                .contains(
                        "customerId",
                        "customerEmail",
                        "paymentToken",
                        "lines[0].quantity",
                        "lines[0].unitPrice",
                        "shippingAddress.recipientName",
                        "shippingAddress.street",
                        "shippingAddress.postalCode",
                        "shippingAddress.country");
    }

    @Test
    void refusesANegativeQuantityAndANegativePrice() {
        var body = OrderRequests.valid("customer-1", -1).replace("\"unitPrice\": \"5.00\"", "\"unitPrice\": -5");

        var response = client.placeOrder(body);

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("lines[0].quantity", "lines[1].unitPrice");
    }

    @Test
    void refusesAnOrderWithoutLinesOrWithTooManyLines() {
        var none = client.placeOrder(OrderRequests.valid().replaceAll("(?s)\"lines\": \\[.*?\\],", "\"lines\": [],"));
        var line = "{\"sku\": \"SKU-1\", \"quantity\": 1, \"unitPrice\": 1.00}";
        var tooMany = client.placeOrder(OrderRequests.valid()
                .replaceAll(
                        "(?s)\"lines\": \\[.*?\\],",
                        "\"lines\": [" + String.join(",", Collections.nCopies(101, line)) + "],"));

        assertProblem(none, 400);
        assertThat(fields(none)).containsExactly("lines");
        assertProblem(tooMany, 400);
        assertThat(fields(tooMany)).containsExactly("lines");
    }

    @Test
    void refusesFractionsOfACentUnknownCurrenciesCountriesAndBadEmails() {
        var body = OrderRequests.valid()
                .replace("10.25", "10.255")
                .replace("\"EUR\"", "\"EUX\"")
                .replace("\"DE\"", "\"Germany\"")
                .replace("ada@example.com", "not-an-email");

        var response = client.placeOrder(body);

        assertProblem(response, 400);
        assertThat(fields(response))
                .containsExactly("currency", "customerEmail", "lines[0].unitPrice", "shippingAddress.country");
    }

    @Test
    void refusesAnUnknownPropertyNamingIt() {
        var body = OrderRequests.valid().replace("\"currency\": \"EUR\",", "\"currency\": \"EUR\", \"discount\": 50,");

        var response = client.placeOrder(body);

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("discount");
    }

    @Test
    void refusesAnUnknownNestedPropertyNamingItsPath() {
        var body = OrderRequests.valid().replace("\"country\": \"DE\"", "\"country\": \"DE\", \"floor\": 3");

        var response = client.placeOrder(body);

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("shippingAddress.floor");
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingItsField() {
        var text = client.placeOrder(OrderRequests.valid().replace("\"quantity\": 2", "\"quantity\": \"two\""));
        var fraction = client.placeOrder(OrderRequests.valid().replace("\"quantity\": 2", "\"quantity\": 1.5"));
        var object = client.placeOrder(
                OrderRequests.valid().replace("\"customerId\": \"customer-1\"", "\"customerId\": {\"id\": 1}"));

        assertProblem(text, 400);
        assertThat(fields(text)).containsExactly("lines[0].quantity");
        assertProblem(fraction, 400);
        assertThat(fields(fraction)).containsExactly("lines[0].quantity");
        assertProblem(object, 400);
        assertThat(fields(object)).containsExactly("customerId");
    }

    @Test
    void refusesMalformedJsonAndAMissingBody() {
        var malformed = client.placeOrder("{\"customerId\": \"customer-1\",");
        var empty = client.placeOrder(null);

        assertProblem(malformed, 400);
        assertProblem(empty, 400);
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413() {
        var padding = "x".repeat(70 * 1024);
        var body = OrderRequests.valid().replace("\"customer-1\"", "\"" + padding + "\"");

        var response = client.placeOrder(body);

        assertProblem(response, 413);
    }

    @Test
    void refusesAChunkedBodyOverTheSizeLimitWith413() {
        var padding = "x".repeat(70 * 1024);
        var body = OrderRequests.valid().replace("\"customer-1\"", "\"" + padding + "\"");
        // A publisher of unknown length makes the client send the body chunked, without Content-Length.
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())))
                .build();

        var response = client.send(request);

        assertProblem(response, 413);
    }

    @Test
    void refusesAContentTypeOtherThanJsonWith415() {
        var xml = client.post("/orders", "application/xml", "<order/>");
        var text = client.post("/orders", "text/plain", OrderRequests.valid());

        assertProblem(xml, 415);
        assertProblem(text, 415);
    }

    @Test
    void refusesAnOverlongIdempotencyKey() {
        var response = client.placeOrder(OrderRequests.valid(), "Idempotency-Key", "k".repeat(256));

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("Idempotency-Key");
    }

    @Test
    void acceptsAChunkedBodyUnderTheSizeLimit() {
        var body = OrderRequests.valid();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())))
                .build();

        var response = client.send(request);

        assertThat(response.status()).isEqualTo(202);
        jdbc.sql("delete from orders").update();
    }
}
