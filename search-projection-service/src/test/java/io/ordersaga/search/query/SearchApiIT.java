package io.ordersaga.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.search.support.SagaEvents;
import io.ordersaga.search.support.SagaScenario;
import io.ordersaga.search.support.SagaScenario.Row;
import io.ordersaga.search.support.ServiceIntegrationTest;
import io.ordersaga.web.testing.ServiceHttp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query API over HTTP against orders projected from real events. The orders of this class are
 * placed on 2001-02-03 (their events say so), a day no other test uses, so date-range queries
 * see them alone; their customer ids carry this run's token.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant DAY = Instant.parse("2001-02-03T00:00:00Z");
    private static final String DAY_RANGE = "from=2001-02-03&to=2001-02-04";

    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<SagaScenario> orders = new ArrayList<>();

    @Autowired
    SagaEvents saga;

    @Autowired
    ServiceHttp http;

    SagaScenario grace;
    SagaScenario alan;
    SagaScenario ada;

    /**
     * Five orders over three minutes of that day: grace's two (confirmed, cancelled for stock), and
     * one each for alan (declined) and ada (confirmed, in flight).
     */
    @BeforeAll
    void projectTheOrders() {
        grace = order(Row.HAPPY_PATH, "grace", "grace.hopper@navy.example", "COBOL-74", "120.00", "10:00:05Z");
        order(Row.OUT_OF_STOCK, "grace", "grace.hopper@navy.example", "FLOW-MATIC", "15.00", "10:00:40Z");
        alan = order(Row.PAYMENT_DECLINED, "alan", "alan@bletchley.example", "ENIGMA-1", "999.99", "10:01:10Z");
        ada = order(Row.HAPPY_PATH, "ada", "ada@engine.example", "ENGINE-42", "42.00", "10:02:00Z");
        var inFlight = SagaScenario.of(
                Row.HAPPY_PATH,
                "ada-" + run,
                "ada@engine.example",
                "NOTE-G",
                "7.50",
                Instant.parse("2001-02-03T10:02:30Z"));
        orders.add(inFlight);
        for (SagaScenario order : orders) {
            saga.publishAll(order == inFlight ? order.events().subList(0, 2) : order.events());
        }
        await().atMost(PATIENCE)
                .until(() ->
                        get("/search/orders?" + DAY_RANGE).path("totalHits").asLong() == 5
                                && get("/search/orders?" + DAY_RANGE + "&status=PLACED")
                                                .path("totalHits")
                                                .asLong()
                                        == 1
                                && get("/search/orders?" + DAY_RANGE + "&status=CANCELLED")
                                                .path("totalHits")
                                                .asLong()
                                        == 2);
    }

    @Test
    void findsOrdersByEmailSkuTrackingNumberAndCustomerWords() {
        assertThat(orderIds("q=" + encode("alan@bletchley.example")))
                .containsExactly(alan.orderId().toString());
        assertThat(orderIds("q=bletchley.example"))
                .containsExactly(alan.orderId().toString());
        assertThat(orderIds("q=COBOL-74")).containsExactly(grace.orderId().toString());
        assertThat(orderIds("q=cobol")).containsExactly(grace.orderId().toString());
        assertThat(orderIds("q=" + grace.trackingNumber()))
                .containsExactly(grace.orderId().toString());
        assertThat(orderIds("q=" + encode("grace-" + run) + "&sort=total,asc")).hasSize(2);
    }

    @Test
    void filtersByStatusCustomerTotalAndDate() {
        assertThat(orderIds(DAY_RANGE + "&status=confirmed&sort=placedAt,asc"))
                .containsExactly(grace.orderId().toString(), ada.orderId().toString());
        assertThat(orderIds("customerId=alan-" + run))
                .containsExactly(alan.orderId().toString());
        assertThat(orderIds(DAY_RANGE + "&minTotal=40&maxTotal=200&sort=total,desc"))
                .containsExactly(grace.orderId().toString(), ada.orderId().toString());
        assertThat(orderIds("from=2001-02-03T10:01:00Z&to=2001-02-03T10:02:00Z"))
                .containsExactly(alan.orderId().toString());
    }

    @Test
    void returnsTheFullDocumentWithHowCurrentTheReadModelIs() {
        JsonNode page = get("/search/orders?customerId=alan-" + run);

        JsonNode order = page.path("orders").get(0);
        assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("reason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(order.path("customerEmail").asString()).isEqualTo("alan@bletchley.example");
        assertThat(order.path("lines").get(0).path("sku").asString()).isEqualTo("ENIGMA-1");
        assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("999.99");
        assertThat(order.path("currency").asString()).isEqualTo("EUR");
        assertThat(order.path("inventory").path("status").asString()).isEqualTo("RELEASED");
        assertThat(order.path("payment").path("status").asString()).isEqualTo("DECLINED");
        assertThat(order.path("shipment").path("status").asString()).isEqualTo("NONE");
        assertThat(order.path("placedAt").asString()).isEqualTo("2001-02-03T10:01:10Z");
        assertThat(Instant.parse(page.path("indexedUpTo").asString())).isAfterOrEqualTo(alan.placedAt());
    }

    @Test
    void pagesThroughTheResultsInSortOrder() {
        String query = "/search/orders?" + DAY_RANGE + "&sort=placedAt,asc&size=2";
        List<String> all =
                orders.stream().map(order -> order.orderId().toString()).toList();

        JsonNode first = get(query + "&page=0");
        JsonNode second = get(query + "&page=1");
        JsonNode third = get(query + "&page=2");

        assertThat(first.path("totalHits").asLong()).isEqualTo(5);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        var paged = new ArrayList<String>();
        for (JsonNode page : List.of(first, second, third)) {
            page.path("orders").forEach(order -> paged.add(order.path("orderId").asString()));
        }
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void countsOrdersByStatusByReasonAndPerMinute() {
        JsonNode stats = get("/search/orders/stats?" + DAY_RANGE);

        assertThat(stats.path("total").asLong()).isEqualTo(5);
        assertThat(stats.path("byStatus").path("CONFIRMED").asLong()).isEqualTo(2);
        assertThat(stats.path("byStatus").path("CANCELLED").asLong()).isEqualTo(2);
        assertThat(stats.path("byStatus").path("PLACED").asLong()).isEqualTo(1);
        assertThat(stats.path("byReason").path("OUT_OF_STOCK").asLong()).isEqualTo(1);
        assertThat(stats.path("byReason").path("PAYMENT_DECLINED").asLong()).isEqualTo(1);
        var perMinute = new ArrayList<String>();
        stats.path("ordersPerMinute")
                .forEach(minute -> perMinute.add(minute.path("minute").asString() + "="
                        + minute.path("orders").asLong()));
        assertThat(perMinute)
                .containsExactly("2001-02-03T10:00:00Z=2", "2001-02-03T10:01:00Z=1", "2001-02-03T10:02:00Z=2");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "status=SHIPPED|status",
                "from=2001-02-04&to=2001-02-03|from",
                "from=yesterday|from",
                "to=2001-13-01|to",
                "page=-1|page",
                "page=one|page",
                "size=0|size",
                "size=101|size",
                "page=500&size=100|page",
                "sort=customerEmail|sort",
                "sort=total,sideways|sort",
                "minTotal=ten|minTotal",
                "maxTotal=-5|maxTotal",
                "minTotal=50&maxTotal=10|minTotal"
            })
    void rejectsABadParameterWithProblemDetailsNamingIt(String parameters, String field) throws Exception {
        HttpResponse<String> response = http.get("/search/orders?" + parameters);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        var fields = new ArrayList<String>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains(field);
    }

    @Test
    void rejectsBadFiltersOfTheStatsToo() throws Exception {
        HttpResponse<String> response = http.get("/search/orders/stats?status=LOST");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("status");
    }

    private SagaScenario order(Row row, String customer, String email, String sku, String total, String time) {
        var order = SagaScenario.of(row, customer + "-" + run, email, sku, total, Instant.parse("2001-02-03T" + time));
        orders.add(order);
        return order;
    }

    private List<String> orderIds(String parameters) {
        var ids = new ArrayList<String>();
        get("/search/orders?" + parameters)
                .path("orders")
                .forEach(order -> ids.add(order.path("orderId").asString()));
        return ids;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
