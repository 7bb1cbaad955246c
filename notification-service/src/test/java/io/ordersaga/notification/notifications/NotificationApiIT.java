package io.ordersaga.notification.notifications;

import static io.ordersaga.notification.support.SagaEvents.ORDERS_EVENTS;
import static io.ordersaga.notification.support.SagaEvents.SHIPMENTS_EVENTS;
import static io.ordersaga.notification.support.SagaEvents.orderConfirmed;
import static io.ordersaga.notification.support.SagaEvents.shipmentScheduled;
import static io.ordersaga.web.testing.ProblemAssertions.assertBadRequestNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.notification.support.Mailbox;
import io.ordersaga.notification.support.SagaEvents;
import io.ordersaga.notification.support.ServiceIntegrationTest;
import io.ordersaga.web.testing.ServiceHttp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /notifications?orderId=} and the delivery metrics, over real HTTP. */
@ServiceIntegrationTest
class NotificationApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ServiceHttp http;

    @Autowired
    SagaEvents saga;

    @Autowired
    NotificationLog log;

    @Test
    void showsTheNotificationsOfAnOrderOldestFirst() throws Exception {
        UUID orderId = UUID.randomUUID();
        String customer = Mailbox.newRecipient("api");
        saga.publish(SHIPMENTS_EVENTS, shipmentScheduled(orderId, customer, LocalDate.of(2026, 12, 4)));
        await().atMost(PATIENCE).until(() -> log.ofOrder(orderId).size() == 1);
        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, "TRK00000000000000EF"));
        await().atMost(PATIENCE)
                .until(() -> log.ofOrder(orderId).size() == 2
                        && log.ofOrder(orderId).stream().allMatch(n -> n.status() == NotificationStatus.SENT));

        var response = http.get("/notifications?orderId=" + orderId);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.get(0).get("kind").asString()).isEqualTo("SHIPMENT_SCHEDULED");
        assertThat(body.get(1).get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
        JsonNode confirmation = body.get(1);
        assertThat(confirmation.get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(UUID.fromString(confirmation.get("id").asString()).version())
                .as("a time-ordered id")
                .isEqualTo(7);
        assertThat(confirmation.get("recipient").asString()).isEqualTo(customer);
        assertThat(confirmation.get("subject").asString()).endsWith("is confirmed");
        assertThat(confirmation.get("status").asString()).isEqualTo("SENT");
        assertThat(confirmation.get("attempts").asInt()).isEqualTo(1);
        assertThat(confirmation.get("lastError").isNull()).isTrue();
        assertThat(confirmation.get("nextAttemptAt").isNull()).isTrue();
        assertThat(confirmation.get("createdAt").asString()).isNotBlank();
        assertThat(confirmation.get("sentAt").asString()).isNotBlank();
    }

    @Test
    void answersAnEmptyListForAnOrderWithoutNotifications() throws Exception {
        var response = http.get("/notifications?orderId=" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).size()).isZero();
    }

    @Test
    void rejectsAMalformedOrderIdWithAProblemNamingIt() throws Exception {
        assertBadRequestNaming(http.get("/notifications?orderId=not-a-uuid"), "orderId");
    }

    @Test
    void rejectsAMissingOrderIdWithAProblemNamingIt() throws Exception {
        assertBadRequestNaming(http.get("/notifications"), "orderId");
    }

    @Test
    void exposesTheDeliveryMetricsToPrometheus() throws Exception {
        String customer = Mailbox.newRecipient("metrics");
        UUID orderId = UUID.randomUUID();
        saga.publish(ORDERS_EVENTS, orderConfirmed(orderId, customer, null));
        await().atMost(PATIENCE)
                .until(() -> log.ofOrder(orderId).stream().anyMatch(n -> n.status() == NotificationStatus.SENT));

        var response = http.get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("notifications_pending ")
                .contains("notifications_sent_total{kind=\"ORDER_CONFIRMED\"");
    }
}
