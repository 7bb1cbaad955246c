package io.ordersaga.shipping.shipments;

import static io.ordersaga.shipping.support.SagaEvents.PAYMENTS_EVENTS;
import static io.ordersaga.shipping.support.SagaEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.shipping.support.SagaEvents;
import io.ordersaga.shipping.support.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /shipments?orderId=} over real HTTP. */
@ServiceIntegrationTest
class ShipmentApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    SagaEvents saga;

    @Autowired
    ShipmentScheduling shipments;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void showsTheScheduledShipmentOfAnOrder() throws Exception {
        UUID orderId = UUID.randomUUID();
        saga.publish(PAYMENTS_EVENTS, paymentAuthorized(orderId, "US"));
        await().atMost(PATIENCE).until(() -> shipments.ofOrder(orderId).isPresent());
        Shipment stored = shipments.ofOrder(orderId).orElseThrow();

        var response = get("/shipments?orderId=" + orderId);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(1);
        JsonNode shipment = body.get(0);
        assertThat(shipment.get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(shipment.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(shipment.get("carrier").asString()).isEqualTo("UPS");
        assertThat(shipment.get("trackingNumber").asString())
                .isEqualTo(stored.trackingNumber().orElseThrow());
        assertThat(shipment.get("estimatedDelivery").asString())
                .isEqualTo(stored.estimatedDelivery().orElseThrow().toString());
        assertThat(shipment.get("country").asString()).isEqualTo("US");
    }

    @Test
    void answersAnEmptyListForAnOrderShippingHasNotSeen() throws Exception {
        var response = get("/shipments?orderId=" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).size()).isZero();
    }

    @Test
    void rejectsAMalformedOrderIdWithAProblemNamingIt() throws Exception {
        assertProblemNamingOrderId(get("/shipments?orderId=42"));
    }

    @Test
    void rejectsAMissingOrderIdWithAProblemNamingIt() throws Exception {
        assertProblemNamingOrderId(get("/shipments"));
    }

    private static void assertProblemNamingOrderId(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("orderId");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
