package io.ordersaga.shipping.shipments;

import static io.ordersaga.shipping.support.SagaEvents.ORDERS_EVENTS;
import static io.ordersaga.shipping.support.SagaEvents.PAYMENTS_EVENTS;
import static io.ordersaga.shipping.support.SagaEvents.orderCancelled;
import static io.ordersaga.shipping.support.SagaEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.events.shipping.ShipmentFailed;
import io.ordersaga.events.shipping.ShipmentFailureReason;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.shipping.support.SagaEvents;
import io.ordersaga.shipping.support.ServiceIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Shipping's part of the saga against the real servers: events in through Kafka and the inbox,
 * events out through the outbox and the Debezium relay.
 */
@ServiceIntegrationTest
class ShipmentSagaIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    SagaEvents saga;

    @Autowired
    ShipmentScheduling shipments;

    @Test
    void schedulesAShipmentWithTheDestinationsCarrier() {
        UUID orderId = UUID.randomUUID();
        var authorized = paymentAuthorized(orderId, "DE");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        saga.publish(PAYMENTS_EVENTS, authorized);

        var scheduled = (ShipmentScheduled) awaitOnlyEvent(orderId);
        assertThat(scheduled.getEnvelope().getEventType()).isEqualTo("ShipmentScheduled");
        assertThat(scheduled.getEnvelope().getCausationId())
                .isEqualTo(authorized.getEnvelope().getEventId());
        assertThat(scheduled.getCarrier()).isEqualTo("DHL");
        assertThat(scheduled.getTrackingNumber()).startsWith("TRK").hasSize(19);
        // Three delivery days from the booking day (UTC), which may have turned since "today".
        assertThat(scheduled.getEstimatedDelivery()).isIn(today.plusDays(3), today.plusDays(4));
        assertThat(scheduled.getCustomerEmail()).isEqualTo("ada@example.org");
        Shipment shipment = shipments.ofOrder(orderId).orElseThrow();
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.SCHEDULED);
        assertThat(shipment.trackingNumber()).contains(scheduled.getTrackingNumber());
        assertThat(shipment.shipmentId()).contains(scheduled.getShipmentId());
        assertThat(shipment.country()).contains("DE");
    }

    @Test
    void givesEveryShipmentItsOwnTrackingNumber() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        saga.publish(PAYMENTS_EVENTS, paymentAuthorized(first, "FR"));
        saga.publish(PAYMENTS_EVENTS, paymentAuthorized(second, "FR"));

        var one = (ShipmentScheduled) awaitOnlyEvent(first);
        var other = (ShipmentScheduled) awaitOnlyEvent(second);
        assertThat(one.getCarrier()).isEqualTo("Colissimo").isEqualTo(other.getCarrier());
        assertThat(one.getTrackingNumber()).isNotEqualTo(other.getTrackingNumber());
    }

    @Test
    void failsAShipmentToACountryNotServed() {
        UUID orderId = UUID.randomUUID();

        saga.publish(PAYMENTS_EVENTS, paymentAuthorized(orderId, "AQ"));

        var failed = (ShipmentFailed) awaitOnlyEvent(orderId);
        assertThat(failed.getReason()).isEqualTo(ShipmentFailureReason.DESTINATION_NOT_SERVED);
        assertThat(failed.getCountry()).isEqualTo("AQ");
        Shipment shipment = shipments.ofOrder(orderId).orElseThrow();
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.FAILED);
        assertThat(shipment.trackingNumber()).isEmpty();
    }

    @Test
    void schedulesNothingWhenTheCancellationOvertakesThePayment() {
        UUID orderId = UUID.randomUUID();
        // Forced interleaving: the cancellation is processed first, then the payment it should pre-empt.
        saga.publish(ORDERS_EVENTS, orderCancelled(orderId));
        await().atMost(PATIENCE).until(() -> shipments
                .ofOrder(orderId)
                .map(Shipment::status)
                .filter(ShipmentStatus.CANCELLED_BEFORE_SCHEDULING::equals)
                .isPresent());

        var latePayment = paymentAuthorized(orderId, "DE");
        saga.publish(PAYMENTS_EVENTS, latePayment);
        await().atMost(PATIENCE).until(() -> saga.processed(latePayment));

        Shipment shipment = shipments.ofOrder(orderId).orElseThrow();
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED_BEFORE_SCHEDULING);
        assertThat(shipment.trackingNumber()).isEmpty();
        assertThat(settledEventsOf(orderId)).isEmpty();
    }

    @Test
    void cancelsAScheduledShipmentWhenTheOrderIsCancelled() {
        UUID orderId = UUID.randomUUID();
        saga.publish(PAYMENTS_EVENTS, paymentAuthorized(orderId, "GB"));
        var scheduled = (ShipmentScheduled) awaitOnlyEvent(orderId);

        var cancelled = orderCancelled(orderId);
        saga.publishTwice(ORDERS_EVENTS, cancelled);
        await().atMost(PATIENCE).until(() -> saga.processed(cancelled));

        Shipment shipment = shipments.ofOrder(orderId).orElseThrow();
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(shipment.trackingNumber()).contains(scheduled.getTrackingNumber());
        assertThat(settledEventsOf(orderId)).singleElement().isInstanceOf(ShipmentScheduled.class);
    }

    @Test
    void leavesAFailedShipmentFailedWhenTheOrderIsCancelled() {
        UUID orderId = UUID.randomUUID();
        saga.publish(PAYMENTS_EVENTS, paymentAuthorized(orderId, "AQ"));
        assertThat(awaitOnlyEvent(orderId)).isInstanceOf(ShipmentFailed.class);

        var cancelled = orderCancelled(orderId);
        saga.publish(ORDERS_EVENTS, cancelled);
        await().atMost(PATIENCE).until(() -> saga.processed(cancelled));

        assertThat(shipments.ofOrder(orderId).orElseThrow().status()).isEqualTo(ShipmentStatus.FAILED);
    }

    @Test
    void schedulesOnceWhenThePaymentIsDeliveredAgain() {
        UUID orderId = UUID.randomUUID();
        var authorized = paymentAuthorized(orderId, "NL");
        // The same event twice (the inbox stops it) and the same payment under a new event id (the
        // shipment row stops it).
        saga.publishTwice(PAYMENTS_EVENTS, authorized);
        var republished = paymentAuthorized(orderId, "NL");
        saga.publish(PAYMENTS_EVENTS, republished);

        await().atMost(PATIENCE).until(() -> saga.processed(authorized) && saga.processed(republished));
        var scheduled = (ShipmentScheduled) settledEventsOf(orderId).getFirst();
        assertThat(settledEventsOf(orderId)).hasSize(1);
        assertThat(shipments.ofOrder(orderId).orElseThrow().trackingNumber()).contains(scheduled.getTrackingNumber());
    }

    /** Waits for the order's first event and checks it is the only one so far. */
    private SpecificRecord awaitOnlyEvent(UUID orderId) {
        await().atMost(PATIENCE).until(() -> !saga.publishedFor(orderId).isEmpty());
        List<SpecificRecord> events = saga.publishedFor(orderId);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    /**
     * The order's events once everything shipping has done so far is published. The relay reads the
     * outbox in commit order, so once a probe event written after those changes is on the topic,
     * any event they wrote is too: an absent event is really absent, not late.
     */
    private List<SpecificRecord> settledEventsOf(UUID orderId) {
        UUID probe = UUID.randomUUID();
        saga.publish(PAYMENTS_EVENTS, paymentAuthorized(probe, "DE"));
        await().atMost(PATIENCE).until(() -> !saga.publishedFor(probe).isEmpty());
        return saga.publishedFor(orderId);
    }
}
