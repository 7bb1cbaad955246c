package io.ordersaga.search.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.search.support.ConsumedEvents;
import io.ordersaga.search.support.SagaScenario;
import io.ordersaga.search.support.SagaScenario.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The merge rules: every saga row yields its document, whatever the order and repetition of its events. */
class OrderDocumentTest {

    private static final int PERMUTATIONS = 300;

    @Test
    void happyPathEndsConfirmedWithEveryStepDone() {
        var saga = SagaScenario.of(Row.HAPPY_PATH);

        OrderDocument document = project(saga.events());

        assertThat(document.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(document.reason()).isNull();
        assertThat(document.customerId()).isEqualTo(saga.customerId());
        assertThat(document.customerEmail()).isEqualTo("ada@example.org");
        assertThat(document.lines()).containsExactly(new OrderDocument.Line("BOOK-001", 2, new BigDecimal("10.00")));
        assertThat(document.total()).isEqualByComparingTo("19.99");
        assertThat(document.currency()).isEqualTo("EUR");
        assertThat(document.inventory().status()).isEqualTo(StepStatus.COMMITTED);
        assertThat(document.payment().status()).isEqualTo(StepStatus.AUTHORIZED);
        assertThat(document.shipment().status()).isEqualTo(StepStatus.SCHEDULED);
        assertThat(document.shipment().trackingNumber()).isEqualTo(saga.trackingNumber());
        assertThat(document.placedAt()).isEqualTo(saga.placedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(document.inventory().reservedAt()).isAfter(document.placedAt());
        assertThat(document.payment().authorizedAt())
                .isAfter(document.inventory().reservedAt());
        assertThat(document.shipment().scheduledAt()).isAfter(document.payment().authorizedAt());
        assertThat(document.confirmedAt()).isAfter(document.shipment().scheduledAt());
        assertThat(document.lastEventAt()).isEqualTo(document.confirmedAt());
    }

    @Test
    void outOfStockEndsCancelledWithNothingToCompensate() {
        OrderDocument document = project(SagaScenario.of(Row.OUT_OF_STOCK).events());

        assertThat(document.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(document.reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(document.inventory().status()).isEqualTo(StepStatus.REJECTED);
        assertThat(document.inventory().reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(document.inventory().unavailableSkus()).containsExactly("BOOK-001");
        assertThat(document.payment().status()).isEqualTo(StepStatus.NONE);
        assertThat(document.shipment().status()).isEqualTo(StepStatus.NONE);
    }

    @Test
    void declinedPaymentEndsCancelledWithTheStockReleased() {
        OrderDocument document = project(SagaScenario.of(Row.PAYMENT_DECLINED).events());

        assertThat(document.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(document.reason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(document.inventory().status()).isEqualTo(StepStatus.RELEASED);
        assertThat(document.payment().status()).isEqualTo(StepStatus.DECLINED);
        assertThat(document.payment().reason()).isEqualTo("DECLINED");
        assertThat(document.shipment().status()).isEqualTo(StepStatus.NONE);
    }

    @Test
    void unavailableShippingEndsCancelledRefundedAndReleased() {
        OrderDocument document =
                project(SagaScenario.of(Row.SHIPPING_UNAVAILABLE).events());

        assertThat(document.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(document.reason()).isEqualTo("SHIPPING_UNAVAILABLE");
        assertThat(document.inventory().status()).isEqualTo(StepStatus.RELEASED);
        assertThat(document.payment().status()).isEqualTo(StepStatus.REFUNDED);
        assertThat(document.shipment().status()).isEqualTo(StepStatus.FAILED);
        assertThat(document.shipment().reason()).isEqualTo("DESTINATION_NOT_SERVED");
        assertThat(document.shipment().country()).isEqualTo("AQ");
    }

    @Test
    void customerCancelAfterPaymentRefundsReleasesAndCancelsTheLateShipment() {
        OrderDocument document = project(SagaScenario.of(Row.CUSTOMER_REQUEST).events());

        assertThat(document.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(document.reason()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(document.inventory().status()).isEqualTo(StepStatus.RELEASED);
        assertThat(document.payment().status()).isEqualTo(StepStatus.REFUNDED);
        assertThat(document.shipment().status()).isEqualTo(StepStatus.CANCELLED);
    }

    @Test
    void timeoutEndsCancelledWithTheStockReleased() {
        OrderDocument document = project(SagaScenario.of(Row.TIMEOUT).events());

        assertThat(document.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(document.reason()).isEqualTo("TIMEOUT");
        assertThat(document.inventory().status()).isEqualTo(StepStatus.RELEASED);
        assertThat(document.payment().status()).isEqualTo(StepStatus.NONE);
    }

    @Test
    void anOrderInFlightIsPlacedWithItsStepsPending() {
        var saga = SagaScenario.of(Row.HAPPY_PATH);

        OrderDocument document = project(saga.events().subList(0, 2));

        assertThat(document.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(document.inventory().status()).isEqualTo(StepStatus.RESERVED);
        assertThat(document.payment().status()).isEqualTo(StepStatus.PENDING);
        assertThat(document.shipment().status()).isEqualTo(StepStatus.PENDING);
    }

    @Test
    void aRedeliveredReservationAfterTheReleaseLeavesTheStockReleased() {
        var events = SagaScenario.of(Row.PAYMENT_DECLINED).events();
        var reserved = events.get(1);
        var redelivered = new ArrayList<>(events);
        redelivered.add(reserved);

        assertThat(project(redelivered).inventory().status()).isEqualTo(StepStatus.RELEASED);
        assertThat(project(redelivered)).isEqualTo(project(events));
    }

    @Test
    void aParticipantsEventBeforeOrderPlacedFillsInWhatItCarriesAndOrderPlacedCompletesIt() {
        var events = SagaScenario.of(Row.HAPPY_PATH).events();

        OrderDocument early = project(List.of(events.get(2)));

        assertThat(early.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(early.customerEmail()).isEqualTo("ada@example.org");
        assertThat(early.total()).isEqualByComparingTo("19.99");
        assertThat(early.customerId()).isNull();
        assertThat(early.payment().status()).isEqualTo(StepStatus.AUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void convergesToOneDocumentWhateverTheOrderAndRepetitionOfTheEvents(Row row) {
        var events = SagaScenario.of(row).events();
        OrderDocument inOrder = project(events);
        var random = new Random(row.ordinal());

        for (int i = 0; i < PERMUTATIONS; i++) {
            var shuffled = new ArrayList<>(events);
            int duplicates = random.nextInt(events.size() + 1);
            for (int d = 0; d < duplicates; d++) {
                shuffled.add(events.get(random.nextInt(events.size())));
            }
            Collections.shuffle(shuffled, random);
            // Split at random into batches, each merged onto the result of the ones before.
            OrderDocument document = OrderDocument.empty(inOrder.orderId());
            int at = 0;
            while (at < shuffled.size()) {
                int end = at + 1 + random.nextInt(shuffled.size() - at);
                document = document.withAll(facts(shuffled.subList(at, end)));
                at = end;
            }

            assertThat(document).as("permutation %d: %s", i, shuffled).isEqualTo(inOrder);
        }
    }

    private static OrderDocument project(List<SagaScenario.Published> events) {
        return OrderDocument.empty(events.getFirst().envelope().getOrderId()).withAll(facts(events));
    }

    private static List<OrderFact> facts(List<SagaScenario.Published> events) {
        return ConsumedEvents.consumed(events).stream()
                .map(EventFacts::of)
                .flatMap(Optional::stream)
                .toList();
    }
}
