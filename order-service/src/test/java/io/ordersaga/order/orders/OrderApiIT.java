package io.ordersaga.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.ordersaga.order.support.OrderRequests;
import io.ordersaga.order.support.OrdersClient;
import io.ordersaga.order.support.RecordingOrderEvents;
import io.ordersaga.order.support.RecordingOrderEvents.Kind;
import io.ordersaga.order.support.Replies;
import io.ordersaga.order.support.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Service integration tier: the REST API and the saga replies, on the real PostgreSQL. */
@ServiceIntegrationTest
class OrderApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    OrderManagement management;

    @Autowired
    RecordingOrderEvents events;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyKeyExpiry idempotencyKeyExpiry;

    @Autowired
    Clock clock;

    OrdersClient client;

    @BeforeEach
    void client() {
        client = new OrdersClient(port, json);
    }

    private static List<String> steps(JsonNode order) {
        return order.get("timeline")
                .valueStream()
                .map(step -> step.get("step").asString())
                .toList();
    }

    private UUID place() {
        var response = client.placeOrder(OrderRequests.valid());
        assertThat(response.status()).isEqualTo(202);
        return UUID.fromString(response.json().get("orderId").asString());
    }

    @Test
    void acceptsAnOrderAndShowsItPendingWithItsLinesTotalAndTimeline() {
        var placed = client.placeOrder(OrderRequests.valid());

        assertThat(placed.status()).isEqualTo(202);
        var id = placed.json().get("orderId").asString();
        assertThat(placed.header("Location")).isEqualTo("/orders/" + id);
        assertThat(placed.json().get("status").asString()).isEqualTo("PENDING");

        var order = client.get("/orders/" + id);
        assertThat(order.status()).isEqualTo(200);
        JsonNode body = order.json();
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("total").decimalValue()).isEqualByComparingTo("25.50");
        assertThat(body.get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("lines")).hasSize(2);
        assertThat(body.get("lines").get(0).get("sku").asString()).isEqualTo("SKU-1");
        assertThat(body.get("lines").get(0).get("lineTotal").decimalValue()).isEqualByComparingTo("20.50");
        assertThat(body.get("cancellationReason").isNull()).isTrue();
        assertThat(body.get("timeline")).hasSize(1);
        assertThat(body.get("timeline").get(0).get("step").asString()).isEqualTo("PLACED");
        assertThat(Instant.parse(body.get("timeline").get(0).get("at").asString()))
                .isEqualTo(Instant.parse(body.get("placedAt").asString()));
        assertThat(body.has("paymentToken")).isFalse();
        assertThat(events.of(UUID.fromString(id)))
                .extracting(RecordingOrderEvents.Published::kind)
                .containsExactly(Kind.PLACED);
    }

    @Test
    void answersAnUnknownOrderWith404ProblemDetail() {
        var response = client.get("/orders/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("Order not found");
    }

    @Test
    void answersAMalformedOrderIdWith400ProblemDetail() {
        var response = client.get("/orders/not-a-uuid");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void returnsTheSameOrderWhenARequestIsRetriedWithItsIdempotencyKey() {
        var key = "retry-" + UUID.randomUUID();

        var first = client.placeOrder(OrderRequests.valid(), "Idempotency-Key", key);
        var retry = client.placeOrder(OrderRequests.valid(), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        var id = first.json().get("orderId").asString();
        assertThat(retry.json().get("orderId").asString()).isEqualTo(id);
        assertThat(retry.header("Location")).isEqualTo("/orders/" + id);
        assertThat(events.of(UUID.fromString(id))).hasSize(1);
    }

    @Test
    void placesOneOrderWhenRetriesWithTheSameIdempotencyKeyRace() throws Exception {
        var key = "race-" + UUID.randomUUID();
        var attempts = 8;
        var start = new CountDownLatch(1);
        List<Future<OrdersClient.Response>> responses = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                responses.add(executor.submit(() -> {
                    start.await();
                    return client.placeOrder(OrderRequests.valid(), "Idempotency-Key", key);
                }));
            }
            start.countDown();
            var ids = new HashSet<String>();
            for (var response : responses) {
                assertThat(response.get().status()).isEqualTo(202);
                ids.add(response.get().json().get("orderId").asString());
            }
            assertThat(ids).hasSize(1);
            assertThat(events.of(UUID.fromString(ids.iterator().next()))).hasSize(1);
        }
    }

    @Test
    void honoursAnIdempotencyKeyForItsRetentionAndPlacesANewOrderOnceItIsForgotten() {
        var key = "expiring-" + UUID.randomUUID();
        var first = client.placeOrder(OrderRequests.valid(), "Idempotency-Key", key);
        var id = first.json().get("orderId").asString();

        idempotencyKeyExpiry.expireAsOf(clock.instant().plus(Duration.ofHours(23)));
        var withinRetention = client.placeOrder(OrderRequests.valid(), "Idempotency-Key", key);

        assertThat(withinRetention.status()).isEqualTo(202);
        assertThat(withinRetention.json().get("orderId").asString()).isEqualTo(id);

        assertThat(idempotencyKeyExpiry.expireAsOf(
                        clock.instant().plus(Duration.ofHours(24).plusMinutes(1))))
                .isPositive();
        var afterRetention = client.placeOrder(OrderRequests.valid(), "Idempotency-Key", key);

        assertThat(afterRetention.status()).isEqualTo(202);
        assertThat(afterRetention.json().get("orderId").asString()).isNotEqualTo(id);
        assertThat(client.get("/orders/" + id).status()).isEqualTo(200);
    }

    @Test
    void refusesAnIdempotencyKeyReusedForADifferentRequestWith422() {
        var key = "reused-" + UUID.randomUUID();
        var first = client.placeOrder(OrderRequests.valid("customer-1", 2), "Idempotency-Key", key);

        var different = client.placeOrder(OrderRequests.valid("customer-1", 3), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.contentType()).startsWith("application/problem+json");
        assertThat(different.json().get("detail").asString()).contains(key);
    }

    @Test
    void cancelsAnOrderInFlightAtTheCustomersRequest() {
        var id = place();
        management.inventoryReserved(id, UUID.randomUUID());

        var cancelled = client.post("/orders/" + id + "/cancel", null, null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
        // The answer shows the lines, and the timeline with the steps this cancel appended.
        assertThat(cancelled.json().get("lines")).hasSize(2);
        assertThat(steps(cancelled.json()))
                .containsExactly("PLACED", "INVENTORY_RESERVED", "CANCELLATION_REQUESTED", "CANCELLED");
        var order = client.get("/orders/" + id).json();
        assertThat(order.get("lines")).hasSize(2);
        assertThat(steps(order)).isEqualTo(steps(cancelled.json()));
        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(events.of(id))
                .extracting(RecordingOrderEvents.Published::kind)
                .containsExactly(Kind.PLACED, Kind.CANCELLED);
        assertThat(events.of(id).getLast().reason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
    }

    @Test
    void refusesToCancelOnceTheShipmentIsScheduledWith409() {
        var id = place();
        management.inventoryReserved(id, UUID.randomUUID());
        management.paymentAuthorized(id, UUID.randomUUID(), Replies.TOTAL, "EUR");
        management.shipmentScheduled(id, UUID.randomUUID(), "TRACK-42");

        var response = client.post("/orders/" + id + "/cancel", null, null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("orderStatus").asString()).isEqualTo("CONFIRMED");
        assertThat(client.get("/orders/" + id).json().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void refusesToCancelAnOrderThatIsAlreadyCancelledWith409() {
        var id = place();
        management.inventoryRejected(id, UUID.randomUUID());

        var response = client.post("/orders/" + id + "/cancel", null, null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(client.get("/orders/" + id).json().get("cancellationReason").asString())
                .isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void confirmsAnOrderWhenItsShipmentIsScheduledAndShowsEveryStepOfTheSaga() {
        var id = place();

        management.inventoryReserved(id, UUID.randomUUID());
        management.paymentAuthorized(id, UUID.randomUUID(), Replies.TOTAL, "EUR");
        management.shipmentScheduled(id, UUID.randomUUID(), "TRACK-7");

        var order = client.get("/orders/" + id).json();
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.get("trackingNumber").asString()).isEqualTo("TRACK-7");
        assertThat(order.get("timeline").valueStream().map(step -> step.get("step")
                        .asString()))
                .containsExactly(
                        "PLACED", "INVENTORY_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_SCHEDULED", "CONFIRMED");
        assertThat(events.of(id))
                .extracting(RecordingOrderEvents.Published::kind)
                .containsExactly(Kind.PLACED, Kind.CONFIRMED);
    }

    @Test
    void publishesOnceWhenEveryReplyIsDeliveredTwice() {
        var id = place();

        for (int delivery = 0; delivery < 2; delivery++) {
            management.inventoryReserved(id, UUID.randomUUID());
            management.paymentAuthorized(id, UUID.randomUUID(), Replies.TOTAL, "EUR");
            management.shipmentScheduled(id, UUID.randomUUID(), "TRACK-8");
        }

        assertThat(events.of(id))
                .extracting(RecordingOrderEvents.Published::kind)
                .containsExactly(Kind.PLACED, Kind.CONFIRMED);
        assertThat(management.find(id).orElseThrow().timeline()).hasSize(5);
    }

    @Test
    void keepsTheLinesAndTheTimelineInTheOrdersRowInTheShapeItsReadersQuery() {
        var id = place();
        management.inventoryReserved(id, UUID.randomUUID());
        management.paymentAuthorized(id, UUID.randomUUID(), Replies.TOTAL, "EUR");
        management.shipmentScheduled(id, UUID.randomUUID(), "TRACK-9");

        // The load test's saga hops and the system tests' invariants read these arrays with SQL.
        var order = management.find(id).orElseThrow();
        assertThat(jdbc.sql("""
                        select entry ->> 'step', (entry ->> 'occurredAt')::timestamptz, entry ->> 'detail'
                        from orders o cross join lateral jsonb_array_elements(o.timeline) with ordinality as t(entry, n)
                        where o.id = :id order by n
                        """)
                        .param("id", id)
                        .query((row, n) -> new TimelineEntry(
                                SagaStep.valueOf(row.getString(1)),
                                row.getTimestamp(2).toInstant(),
                                row.getString(3)))
                        .list())
                .isEqualTo(order.timeline())
                .extracting(TimelineEntry::step)
                .containsExactly(
                        SagaStep.PLACED,
                        SagaStep.INVENTORY_RESERVED,
                        SagaStep.PAYMENT_AUTHORIZED,
                        SagaStep.SHIPMENT_SCHEDULED,
                        SagaStep.CONFIRMED);
        assertThat(order.timeline().get(3).detail()).isEqualTo("TRACK-9");
        assertThat(jdbc.sql("""
                        select line ->> 'sku', (line ->> 'quantity')::int, (line ->> 'unitPrice')::numeric
                        from orders o cross join lateral jsonb_array_elements(o.lines) with ordinality as l(line, n)
                        where o.id = :id order by n
                        """)
                        .param("id", id)
                        .query((row, n) -> new OrderLine(row.getString(1), row.getInt(2), row.getBigDecimal(3)))
                        .list())
                .containsExactly(
                        new OrderLine("SKU-1", 2, new BigDecimal("10.25")),
                        new OrderLine("SKU-2", 1, new BigDecimal("5.00")));
    }

    @Test
    void ignoresAPaymentAuthorizedThatArrivesAfterTheCustomerCancelled() {
        var id = place();
        management.inventoryReserved(id, UUID.randomUUID());
        client.post("/orders/" + id + "/cancel", null, null);

        assertThat(management.paymentAuthorized(id, UUID.randomUUID(), Replies.TOTAL, "EUR"))
                .isEqualTo(Transition.IGNORED_AFTER_TERMINAL);
        assertThat(management.shipmentScheduled(id, UUID.randomUUID(), "TRACK-9"))
                .isEqualTo(Transition.IGNORED_AFTER_TERMINAL);

        var order = management.find(id).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains(CancellationReason.CUSTOMER_REQUEST);
        assertThat(events.of(id))
                .extracting(RecordingOrderEvents.Published::kind)
                .containsExactly(Kind.PLACED, Kind.CANCELLED);
    }

    @Test
    void recordsTheSagaDurationAndOutcomeOfEveryEndedOrder() {
        var confirmedBefore = outcomes("confirmed", "none");
        var declinedBefore = outcomes("cancelled", "PAYMENT_DECLINED");
        var confirmed = place();
        var declined = place();

        management.shipmentScheduled(confirmed, UUID.randomUUID(), "TRACK-10");
        management.paymentFailed(declined, UUID.randomUUID());
        management.paymentFailed(declined, UUID.randomUUID());

        assertThat(outcomes("confirmed", "none")).isEqualTo(confirmedBefore + 1);
        assertThat(outcomes("cancelled", "PAYMENT_DECLINED")).isEqualTo(declinedBefore + 1);
        var timer = meters.get(SagaMetrics.DURATION).tag("outcome", "confirmed").timer();
        assertThat(timer.count()).isPositive();
        assertThat(timer.takeSnapshot().percentileValues())
                .extracting(ValueAtPercentile::percentile)
                .containsExactly(0.5, 0.95, 0.99);
        // Prometheus gets the histogram's buckets (for histogram_quantile), not client-side quantiles.
        var prometheus = client.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("orders_saga_duration_seconds_bucket{outcome=\"confirmed\",le=")
                .contains("orders_saga_duration_seconds_count{outcome=\"confirmed\"}")
                .contains("orders_outcome_total{outcome=\"cancelled\",reason=\"PAYMENT_DECLINED\"}");
    }

    @Test
    void describesItsApiWithOpenApiAndReportsHealth() {
        var apiDocs = client.get("/v3/api-docs");
        var health = client.get("/actuator/health");

        assertThat(apiDocs.status()).isEqualTo(200);
        assertThat(apiDocs.json().get("paths").has("/orders/{id}/cancel")).isTrue();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    private double outcomes(String outcome, String reason) {
        var counter = meters.find(SagaMetrics.OUTCOME)
                .tag("outcome", outcome)
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
