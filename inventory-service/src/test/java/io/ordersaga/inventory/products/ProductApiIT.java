package io.ordersaga.inventory.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.inventory.support.InventoryIntegrationTest;
import io.ordersaga.inventory.support.StockFixtures;
import io.ordersaga.inventory.support.StockFixtures.Stock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog's REST API over real HTTP. */
@InventoryIntegrationTest
class ProductApiIT {

    record Response(int status, String contentType, JsonNode json) {}

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();
    StockFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new StockFixtures(jdbc);
    }

    @Test
    void listsTheSeededCatalogWithPricesAndStock() {
        var response = get("/products");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().valueStream().map(product -> product.get("sku")
                        .asString()))
                .contains("BOOK-001", "MUG-001", "OUT-OF-STOCK-001");
        JsonNode book = product(response, "BOOK-001");
        assertThat(book.get("name").asString()).isEqualTo("Domain-Driven Design");
        assertThat(book.get("price").decimalValue()).isEqualByComparingTo("49.90");
        assertThat(book.get("currency").asString()).isEqualTo("EUR");
        assertThat(book.get("onHand").asInt()).isPositive();
        assertThat(book.get("available").asInt())
                .isEqualTo(book.get("onHand").asInt() - book.get("reserved").asInt());
        JsonNode soldOut = product(response, "OUT-OF-STOCK-001");
        assertThat(soldOut.get("onHand").asInt()).isZero();
        assertThat(soldOut.get("available").asInt()).isZero();
    }

    @Test
    void setsTheOnHandStockOfAProduct() {
        String sku = fixtures.product(5);

        var response = putStock(sku, "{\"onHand\": 42}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("onHand").asInt()).isEqualTo(42);
        assertThat(response.json().get("available").asInt()).isEqualTo(42);
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(42, 0));
    }

    @Test
    void refusesNegativeStockNamingTheField() {
        String sku = fixtures.product(5);

        var response = putStock(sku, "{\"onHand\": -1}");

        assertInvalidField(response, "onHand");
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(5, 0));
    }

    @Test
    void refusesAMissingOnHandNamingTheField() {
        String sku = fixtures.product(5);

        assertInvalidField(putStock(sku, "{}"), "onHand");
        assertInvalidField(putStock(sku, "{\"onHand\": \"many\"}"), "onHand");
        assertInvalidField(putStock(sku, "{\"onHand\": 3, \"reserved\": 0}"), "reserved");
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(5, 0));
    }

    @Test
    void refusesStockBelowTheUnitsReservedForRunningOrders() {
        String sku = fixtures.product(10);
        jdbc.update("update products set reserved = 4 where sku = ?", sku);

        var response = putStock(sku, "{\"onHand\": 3}");

        assertInvalidField(response, "onHand");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("4");
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(10, 4));
        assertThat(putStock(sku, "{\"onHand\": 4}").status()).isEqualTo(200);
    }

    @Test
    void answersNotFoundForAnUnknownSku() {
        var response = putStock("NO-SUCH-" + UUID.randomUUID(), "{\"onHand\": 1}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void describesItsApiAndReportsItsHealth() {
        assertThat(get("/v3/api-docs").json().get("paths").has("/products/{sku}/stock"))
                .isTrue();
        assertThat(get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    private static void assertInvalidField(Response response, String field) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field")
                        .asString()))
                .containsExactly(field);
    }

    private static JsonNode product(Response response, String sku) {
        return response.json()
                .valueStream()
                .filter(product -> product.get("sku").asString().equals(sku))
                .findFirst()
                .orElseThrow();
    }

    private Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private Response putStock(String sku, String body) {
        return send(HttpRequest.newBuilder(uri("/products/" + sku + "/stock"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json.readTree(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
