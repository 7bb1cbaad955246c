package io.ordersaga.payment.payments;

import static io.ordersaga.payment.support.SagaEvents.INVENTORY_EVENTS;
import static io.ordersaga.payment.support.SagaEvents.ORDERS_EVENTS;
import static io.ordersaga.payment.support.SagaEvents.inventoryReserved;
import static io.ordersaga.payment.support.SagaEvents.orderCancelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.events.payment.PaymentFailed;
import io.ordersaga.events.payment.PaymentFailureReason;
import io.ordersaga.events.payment.PaymentRefunded;
import io.ordersaga.payment.support.SagaEvents;
import io.ordersaga.payment.support.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Payment's part of the saga against the real servers: events in through Kafka and the inbox,
 * events out through the outbox and the Debezium relay.
 */
@ServiceIntegrationTest
class PaymentSagaIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    SagaEvents saga;

    @Autowired
    PaymentProcessing payments;

    @Test
    void authorizesAReservedOrderAndCarriesTheCustomerDataForward() {
        UUID orderId = UUID.randomUUID();
        var reserved = inventoryReserved(orderId, "120.50", "tok_visa_4242");

        saga.publish(INVENTORY_EVENTS, reserved);

        var authorized = (PaymentAuthorized) awaitOnlyEvent(orderId);
        assertThat(authorized.getEnvelope().getEventType()).isEqualTo("PaymentAuthorized");
        assertThat(authorized.getEnvelope().getOrderId()).isEqualTo(orderId);
        assertThat(authorized.getEnvelope().getCausationId())
                .isEqualTo(reserved.getEnvelope().getEventId());
        assertThat(authorized.getAmount().getAmount()).isEqualByComparingTo("120.50");
        assertThat(authorized.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(authorized.getCustomerEmail()).isEqualTo("ada@example.org");
        assertThat(authorized.getShippingAddress()).isEqualTo(reserved.getShippingAddress());
        Payment payment = payments.ofOrder(orderId).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(payment.paymentId()).contains(authorized.getPaymentId());
    }

    @Test
    void declinesATokenMarkedForDecline() {
        UUID orderId = UUID.randomUUID();

        saga.publish(INVENTORY_EVENTS, inventoryReserved(orderId, "120.50", "tok_decline_insufficient_funds"));

        var failed = (PaymentFailed) awaitOnlyEvent(orderId);
        assertThat(failed.getReason()).isEqualTo(PaymentFailureReason.DECLINED);
        assertThat(failed.getAmount().getAmount()).isEqualByComparingTo("120.50");
        Payment payment = payments.ofOrder(orderId).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.failureReason()).contains(FailureReason.DECLINED);
    }

    @Test
    void declinesATotalOverThePerOrderLimitAndAuthorizesOneAtTheLimit() {
        UUID overLimit = UUID.randomUUID();
        UUID atLimit = UUID.randomUUID();

        saga.publish(INVENTORY_EVENTS, inventoryReserved(overLimit, "5000.01", "tok_visa_4242"));
        saga.publish(INVENTORY_EVENTS, inventoryReserved(atLimit, "5000.00", "tok_visa_4242"));

        var failed = (PaymentFailed) awaitOnlyEvent(overLimit);
        assertThat(failed.getReason()).isEqualTo(PaymentFailureReason.LIMIT_EXCEEDED);
        assertThat(failed.getAmount().getAmount()).isEqualByComparingTo("5000.01");
        assertThat(awaitOnlyEvent(atLimit)).isInstanceOf(PaymentAuthorized.class);
    }

    @Test
    void refundsAnAuthorizedPaymentOnceWhenTheOrderIsCancelled() {
        UUID orderId = UUID.randomUUID();
        saga.publish(INVENTORY_EVENTS, inventoryReserved(orderId, "80.00", "tok_visa_4242"));
        var authorized = (PaymentAuthorized) awaitOnlyEvent(orderId);

        var cancelled = orderCancelled(orderId);
        saga.publishTwice(ORDERS_EVENTS, cancelled);
        // A second cancellation of the same order under another event id: the row guards it, not the inbox.
        var cancelledAgain = orderCancelled(orderId);
        saga.publish(ORDERS_EVENTS, cancelledAgain);

        await().atMost(PATIENCE).until(() -> saga.processed(cancelled) && saga.processed(cancelledAgain));
        List<SpecificRecord> events = settledEventsOf(orderId);
        assertThat(events).hasSize(2);
        var refunded = (PaymentRefunded) events.get(1);
        assertThat(refunded.getPaymentId()).isEqualTo(authorized.getPaymentId());
        assertThat(refunded.getAmount().getAmount()).isEqualByComparingTo("80.00");
        assertThat(refunded.getEnvelope().getCausationId())
                .isEqualTo(cancelled.getEnvelope().getEventId());
        assertThat(payments.ofOrder(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void chargesNothingWhenTheCancellationOvertakesTheReservation() {
        UUID orderId = UUID.randomUUID();
        // Forced interleaving: the cancellation is processed first, then the reservation it should pre-empt.
        saga.publish(ORDERS_EVENTS, orderCancelled(orderId));
        await().atMost(PATIENCE).until(() -> payments.ofOrder(orderId)
                .map(Payment::status)
                .filter(PaymentStatus.CANCELLED_BEFORE_AUTHORIZATION::equals)
                .isPresent());

        var lateReservation = inventoryReserved(orderId, "120.50", "tok_visa_4242");
        saga.publish(INVENTORY_EVENTS, lateReservation);
        await().atMost(PATIENCE).until(() -> saga.processed(lateReservation));

        Payment payment = payments.ofOrder(orderId).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED_BEFORE_AUTHORIZATION);
        assertThat(payment.paymentId()).isEmpty();
        assertThat(payment.amount()).isEmpty();
        assertThat(settledEventsOf(orderId)).isEmpty();
    }

    @Test
    void refundsNothingWhenADeclinedOrderIsCancelled() {
        UUID orderId = UUID.randomUUID();
        saga.publish(INVENTORY_EVENTS, inventoryReserved(orderId, "120.50", "tok_decline"));
        assertThat(awaitOnlyEvent(orderId)).isInstanceOf(PaymentFailed.class);

        var cancelled = orderCancelled(orderId);
        saga.publish(ORDERS_EVENTS, cancelled);
        await().atMost(PATIENCE).until(() -> saga.processed(cancelled));

        assertThat(payments.ofOrder(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(settledEventsOf(orderId)).hasSize(1);
    }

    @Test
    void chargesOnceWhenTheReservationIsDeliveredAgain() {
        UUID orderId = UUID.randomUUID();
        var reserved = inventoryReserved(orderId, "42.00", "tok_visa_4242");
        // The same event twice (the inbox stops it) and the same reservation under a new event id
        // (the payment row stops it).
        saga.publishTwice(INVENTORY_EVENTS, reserved);
        var republished = inventoryReserved(orderId, "42.00", "tok_visa_4242");
        saga.publish(INVENTORY_EVENTS, republished);

        await().atMost(PATIENCE).until(() -> saga.processed(reserved) && saga.processed(republished));
        assertThat(settledEventsOf(orderId)).singleElement().isInstanceOf(PaymentAuthorized.class);
        assertThat(payments.ofOrder(orderId).orElseThrow().amount()).contains(new BigDecimal("42.00"));
    }

    /** Waits for the order's first event and checks it is the only one so far. */
    private SpecificRecord awaitOnlyEvent(UUID orderId) {
        await().atMost(PATIENCE).until(() -> !saga.publishedFor(orderId).isEmpty());
        List<SpecificRecord> events = saga.publishedFor(orderId);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    /**
     * The order's events once everything payment has done so far is published. The relay reads the
     * outbox in commit order, so once a probe event written after those changes is on the topic,
     * any event they wrote is too: an absent event is really absent, not late.
     */
    private List<SpecificRecord> settledEventsOf(UUID orderId) {
        UUID probe = UUID.randomUUID();
        saga.publish(INVENTORY_EVENTS, inventoryReserved(probe, "1.00", "tok_visa_4242"));
        await().atMost(PATIENCE).until(() -> !saga.publishedFor(probe).isEmpty());
        return saga.publishedFor(orderId);
    }
}
