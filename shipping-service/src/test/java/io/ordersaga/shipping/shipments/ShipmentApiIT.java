package io.ordersaga.shipping.shipments;

import static io.ordersaga.shipping.support.SagaEvents.PAYMENTS_EVENTS;
import static io.ordersaga.shipping.support.SagaEvents.paymentAuthorized;
import static io.ordersaga.web.testing.ProblemAssertions.assertBadRequestNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.shipping.support.SagaEvents;
import io.ordersaga.shipping.support.ServiceIntegrationTest;
import io.ordersaga.web.testing.ServiceHttp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /shipments?orderId=} over real HTTP. */
@ServiceIntegrationTest
class ShipmentApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ServiceHttp http;

    @Autowired
    SagaEvents saga;

    @Autowired
    ShipmentScheduling shipments;

    @Test
    void showsTheScheduledShipmentOfAnOrder() throws Exception {
        UUID orderId = UUID.randomUUID();
        saga.publish(PAYMENTS_EVENTS, paymentAuthorized(orderId, "US"));
        await().atMost(PATIENCE).until(() -> shipments.ofOrder(orderId).isPresent());
        Shipment stored = shipments.ofOrder(orderId).orElseThrow();

        var response = http.get("/shipments?orderId=" + orderId);

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
        var response = http.get("/shipments?orderId=" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).size()).isZero();
    }

    @Test
    void rejectsAMalformedOrderIdWithAProblemNamingIt() throws Exception {
        assertBadRequestNaming(http.get("/shipments?orderId=42"), "orderId");
    }

    @Test
    void rejectsAMissingOrderIdWithAProblemNamingIt() throws Exception {
        assertBadRequestNaming(http.get("/shipments"), "orderId");
    }
}
