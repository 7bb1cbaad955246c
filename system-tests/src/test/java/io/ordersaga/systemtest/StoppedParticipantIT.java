package io.ordersaga.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.systemtest.SagaClient.OrderRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rows of the saga table that need the saga held at a step: a participant's process is stopped,
 * so the order waits there for as long as the test needs, and started again afterwards. The restarted
 * participant then finds both the request it missed and the OrderCancelled on two topics, in either
 * order, and must compensate, never apply.
 */
class StoppedParticipantIT extends SagaSystemTest {

    @Test
    void compensatesACustomerCancelBeforeTheShipment() {
        var before = saga.product("STICKER-001");
        var shipping = stack.shippingService();
        shipping.stop();
        try {
            var id = place(OrderRequest.of("STICKER-001", 4, "4.99"));
            awaitStatus(id, "PAYMENT_AUTHORIZED", SAGA);

            var cancel = saga.cancel(id);

            assertThat(cancel.status()).isEqualTo(200);
            assertThat(cancel.text("status")).isEqualTo("CANCELLED");
            assertThat(cancel.text("cancellationReason")).isEqualTo("CUSTOMER_REQUEST");
            await().atMost(SAGA).untilAsserted(() -> {
                assertThat(saga.payments(id)).singleElement().satisfies(payment -> assertThat(
                                payment.get("status").asString())
                        .isEqualTo("REFUNDED"));
                var after = saga.product("STICKER-001");
                assertThat(after.get("reserved").asInt()).isZero();
                assertThat(after.get("onHand").asInt())
                        .isEqualTo(before.get("onHand").asInt());
            });

            shipping.start();

            // Shipping either never schedules (it saw the cancellation first) or cancels what it scheduled.
            await().atMost(SAGA).untilAsserted(() -> assertThat(saga.shipments(id))
                    .singleElement()
                    .satisfies(shipment -> assertThat(shipment.get("status").asString())
                            .isIn("CANCELLED_BEFORE_SCHEDULING", "CANCELLED")));
            assertThat(saga.status(id)).isEqualTo("CANCELLED");
        } finally {
            shipping.start();
        }
    }

    @Test
    void cancelsWithTimeoutAndCompensatesWhenPaymentNeverAnswers() {
        var before = saga.product("POSTER-001");
        var payment = stack.paymentService();
        payment.stop();
        try {
            var id = place(OrderRequest.of("POSTER-001", 2, "14.90"));
            awaitStatus(id, "INVENTORY_RESERVED", SAGA);

            var order = awaitTerminal(id);

            assertThat(order.text("status")).isEqualTo("CANCELLED");
            assertThat(order.text("cancellationReason")).isEqualTo("TIMEOUT");
            await().atMost(SAGA).untilAsserted(() -> {
                var after = saga.product("POSTER-001");
                assertThat(after.get("reserved").asInt()).isZero();
                assertThat(after.get("onHand").asInt())
                        .isEqualTo(before.get("onHand").asInt());
            });

            payment.start();

            // The InventoryReserved it missed must not charge a cancelled order for good.
            await().atMost(SAGA).untilAsserted(() -> assertThat(saga.payments(id))
                    .singleElement()
                    .satisfies(p -> assertThat(p.get("status").asString())
                            .isIn(Set.of("CANCELLED_BEFORE_AUTHORIZATION", "REFUNDED"))));
            assertThat(saga.shipments(id))
                    .allSatisfy(shipment ->
                            assertThat(shipment.get("status").asString()).isNotEqualTo("SCHEDULED"));
            assertThat(saga.status(id)).isEqualTo("CANCELLED");
        } finally {
            payment.start();
        }
    }
}
