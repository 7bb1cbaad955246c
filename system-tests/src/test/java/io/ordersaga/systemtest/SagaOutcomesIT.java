package io.ordersaga.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.systemtest.SagaClient.Line;
import io.ordersaga.systemtest.SagaClient.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One test per row of SPEC.md's saga table that needs no failure injected. */
class SagaOutcomesIT extends SagaSystemTest {

    @Test
    void confirmsOrderWithAuthorizedPaymentAndScheduledShipment() {
        var before = saga.product("BOOK-001");

        var id = place(OrderRequest.of("BOOK-001", 2, "49.90"));

        var order = awaitTerminal(id);
        assertThat(order.text("status")).isEqualTo("CONFIRMED");
        assertThat(order.text("cancellationReason")).isNull();
        assertThat(order.body().get("total").decimalValue()).isEqualByComparingTo("99.80");
        List<JsonNode> payments = saga.payments(id);
        assertThat(payments).singleElement().satisfies(payment -> {
            assertThat(payment.get("status").asString()).isEqualTo("AUTHORIZED");
            assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("99.80");
        });
        assertThat(saga.shipments(id)).singleElement().satisfies(shipment -> {
            assertThat(shipment.get("status").asString()).isEqualTo("SCHEDULED");
            assertThat(shipment.get("trackingNumber").asString()).isEqualTo(order.text("trackingNumber"));
        });
        await().atMost(SAGA).untilAsserted(() -> assertThat(
                        saga.product("BOOK-001").get("onHand").asInt())
                .isEqualTo(before.get("onHand").asInt() - 2));
    }

    @Test
    void refusesToCancelAnOrderOnceItsShipmentIsScheduled() {
        var id = place(OrderRequest.of("BOOK-003", 1, "54.90"));
        assertThat(awaitTerminal(id).text("status")).isEqualTo("CONFIRMED");

        var cancel = saga.cancel(id);

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.body().has("detail")).isTrue();
        assertThat(saga.status(id)).isEqualTo("CONFIRMED");
        assertThat(saga.payments(id).getFirst().get("status").asString()).isEqualTo("AUTHORIZED");
    }

    @Test
    void cancelsOrderWithoutChargingWhenAnyLineIsOutOfStock() {
        var id = place(new OrderRequest(
                List.of(
                        new Line("BOOK-002", 1, new BigDecimal("44.90")),
                        new Line("OUT-OF-STOCK-001", 1, new BigDecimal("99.00"))),
                "DE",
                "tok_visa"));

        var order = awaitTerminal(id);

        assertThat(order.text("status")).isEqualTo("CANCELLED");
        assertThat(order.text("cancellationReason")).isEqualTo("OUT_OF_STOCK");
        // Nothing reserved, nothing charged, nothing shipped. Payment may remember the cancellation.
        assertThat(saga.payments(id))
                .allSatisfy(payment ->
                        assertThat(payment.get("status").asString()).isEqualTo("CANCELLED_BEFORE_AUTHORIZATION"));
        assertThat(saga.shipments(id))
                .allSatisfy(shipment ->
                        assertThat(shipment.get("status").asString()).isNotEqualTo("SCHEDULED"));
        assertThat(saga.product("BOOK-002").get("reserved").asInt()).isZero();
    }

    @Test
    void releasesTheStockWhenPaymentIsDeclined() {
        var before = saga.product("MUG-001");

        var id = place(OrderRequest.of("MUG-001", 3, "12.50").paidWith("tok_decline_insufficient_funds"));

        var order = awaitTerminal(id);
        assertThat(order.text("status")).isEqualTo("CANCELLED");
        assertThat(order.text("cancellationReason")).isEqualTo("PAYMENT_DECLINED");
        assertThat(saga.payments(id)).singleElement().satisfies(payment -> assertThat(
                        payment.get("status").asString())
                .isEqualTo("DECLINED"));
        await().atMost(SAGA).untilAsserted(() -> {
            var after = saga.product("MUG-001");
            assertThat(after.get("reserved").asInt()).isZero();
            assertThat(after.get("onHand").asInt())
                    .isEqualTo(before.get("onHand").asInt());
        });
        assertThat(saga.shipments(id))
                .allSatisfy(shipment ->
                        assertThat(shipment.get("status").asString()).isNotEqualTo("SCHEDULED"));
    }

    @Test
    void refundsAndReleasesWhenTheDestinationIsNotServed() {
        var before = saga.product("SHIRT-001");

        var id = place(OrderRequest.of("SHIRT-001", 1, "19.99").shippedTo("BR"));

        var order = awaitTerminal(id);
        assertThat(order.text("status")).isEqualTo("CANCELLED");
        assertThat(order.text("cancellationReason")).isEqualTo("SHIPPING_UNAVAILABLE");
        assertThat(saga.shipments(id)).singleElement().satisfies(shipment -> assertThat(
                        shipment.get("status").asString())
                .isEqualTo("FAILED"));
        await().atMost(SAGA).untilAsserted(() -> {
            assertThat(saga.payments(id)).singleElement().satisfies(payment -> {
                assertThat(payment.get("status").asString()).isEqualTo("REFUNDED");
                assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("19.99");
            });
            var after = saga.product("SHIRT-001");
            assertThat(after.get("reserved").asInt()).isZero();
            assertThat(after.get("onHand").asInt())
                    .isEqualTo(before.get("onHand").asInt());
        });
    }
}
