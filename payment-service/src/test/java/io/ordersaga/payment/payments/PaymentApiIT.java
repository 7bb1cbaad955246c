package io.ordersaga.payment.payments;

import static io.ordersaga.payment.support.SagaEvents.INVENTORY_EVENTS;
import static io.ordersaga.payment.support.SagaEvents.inventoryReserved;
import static io.ordersaga.web.testing.ProblemAssertions.assertBadRequestNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.payment.support.SagaEvents;
import io.ordersaga.payment.support.ServiceIntegrationTest;
import io.ordersaga.web.testing.ServiceHttp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /payments?orderId=} over real HTTP. */
@ServiceIntegrationTest
class PaymentApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ServiceHttp http;

    @Autowired
    SagaEvents saga;

    @Autowired
    PaymentProcessing payments;

    @Test
    void showsTheAuthorizedPaymentOfAnOrder() throws Exception {
        UUID orderId = UUID.randomUUID();
        saga.publish(INVENTORY_EVENTS, inventoryReserved(orderId, "19.90", "tok_visa_4242"));
        await().atMost(PATIENCE).until(() -> payments.ofOrder(orderId).isPresent());

        var response = http.get("/payments?orderId=" + orderId);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(1);
        JsonNode payment = body.get(0);
        assertThat(payment.get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(payment.get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(payment.get("currency").asString()).isEqualTo("EUR");
        assertThat(payment.get("paymentId").asString()).startsWith("pay_");
        assertThat(payment.get("reason").isNull()).isTrue();
    }

    @Test
    void showsTheReasonOfADeclinedPayment() throws Exception {
        UUID orderId = UUID.randomUUID();
        saga.publish(INVENTORY_EVENTS, inventoryReserved(orderId, "19.90", "tok_decline"));
        await().atMost(PATIENCE).until(() -> payments.ofOrder(orderId).isPresent());

        JsonNode payment =
                JSON.readTree(http.get("/payments?orderId=" + orderId).body()).get(0);

        assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
        assertThat(payment.get("reason").asString()).isEqualTo("DECLINED");
    }

    @Test
    void answersAnEmptyListForAnOrderPaymentHasNotSeen() throws Exception {
        var response = http.get("/payments?orderId=" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).size()).isZero();
    }

    @Test
    void rejectsAMalformedOrderIdWithAProblemNamingIt() throws Exception {
        var response = http.get("/payments?orderId=not-a-uuid");

        assertBadRequestNaming(response, "orderId");
    }

    @Test
    void rejectsAMissingOrderIdWithAProblemNamingIt() throws Exception {
        var response = http.get("/payments");

        assertBadRequestNaming(response, "orderId");
    }
}
