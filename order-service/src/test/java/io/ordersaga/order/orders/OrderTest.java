package io.ordersaga.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unit tier: the saga's state machine, without Spring or a database. */
class OrderTest {

    private static final Instant PLACED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant LATER = PLACED.plusSeconds(1);

    static PlaceOrder command(OrderLine... lines) {
        return new PlaceOrder(
                "customer-1",
                "ada@example.com",
                List.of(lines),
                "EUR",
                new ShippingAddress("Ada Lovelace", "1 Main St", "Berlin", "10115", "DE"),
                "tok_visa");
    }

    static Order placed() {
        return Order.place(
                UUID.randomUUID(),
                command(
                        new OrderLine("SKU-1", 2, new BigDecimal("10.25")),
                        new OrderLine("SKU-2", 1, new BigDecimal("5"))),
                PLACED);
    }

    @Test
    void placesAPendingOrderWhoseTotalIsTheSumOfItsLines() {
        var order = placed();

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.total()).isEqualByComparingTo("25.50").hasScaleOf(2);
        assertThat(order.lines())
                .extracting(OrderLine::unitPrice)
                .containsExactly(new BigDecimal("10.25"), new BigDecimal("5.00"));
        assertThat(order.timeline()).containsExactly(new TimelineEntry(SagaStep.PLACED, PLACED, null));
        assertThat(order.sagaDuration()).isEmpty();
    }

    @Test
    void refusesAnOrderWithoutLines() {
        assertThatThrownBy(() -> Order.place(UUID.randomUUID(), command(), PLACED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesALineWithoutAPositiveQuantityOrWithFractionsOfACent() {
        assertThatThrownBy(() -> new OrderLine("SKU-1", 0, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderLine("SKU-1", 1, new BigDecimal("0.001")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void isConfirmedWhenTheShipmentIsScheduledAfterReservationAndPayment() {
        var order = placed();

        assertThat(order.inventoryReserved(LATER)).isEqualTo(Transition.APPLIED);
        assertThat(order.status()).isEqualTo(OrderStatus.INVENTORY_RESERVED);
        assertThat(authorizeTotal(order, LATER)).isEqualTo(Transition.APPLIED);
        assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
        assertThat(order.shipmentScheduled("TRACK-1", LATER.plusSeconds(1))).isEqualTo(Transition.APPLIED);

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.trackingNumber()).contains("TRACK-1");
        assertThat(order.cancellationReason()).isEmpty();
        assertThat(order.sagaDuration())
                .hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(2));
        assertThat(order.timeline())
                .extracting(TimelineEntry::step)
                .containsExactly(
                        SagaStep.PLACED,
                        SagaStep.INVENTORY_RESERVED,
                        SagaStep.PAYMENT_AUTHORIZED,
                        SagaStep.SHIPMENT_SCHEDULED,
                        SagaStep.CONFIRMED);
    }

    /** Payment's reply for exactly the order's total. */
    private static Transition authorizeTotal(Order order, Instant at) {
        return order.paymentAuthorized(order.total(), order.currency(), at);
    }

    @Test
    void movesOnForTheTotalWhateverItsScale() {
        var order = placed();

        assertThat(order.paymentAuthorized(new BigDecimal("25.5"), "EUR", LATER))
                .isEqualTo(Transition.APPLIED);

        assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
    }

    @Test
    void refusesAnAuthorizationOfAnotherAmountOrCurrencyAndStaysWhereItWas() {
        var order = placed();
        order.inventoryReserved(LATER);
        var timeline = order.timeline();

        assertThatThrownBy(() -> order.paymentAuthorized(new BigDecimal("25.49"), "EUR", LATER))
                .isInstanceOf(AuthorizedAmountMismatchException.class)
                .hasMessageContaining("25.49 EUR")
                .hasMessageContaining("25.50 EUR");
        assertThatThrownBy(() -> order.paymentAuthorized(new BigDecimal("25.50"), "USD", LATER))
                .isInstanceOf(AuthorizedAmountMismatchException.class);

        assertThat(order.status()).isEqualTo(OrderStatus.INVENTORY_RESERVED);
        assertThat(order.timeline()).isEqualTo(timeline);
    }

    @Test
    void ignoresALateAuthorizationOfACancelledOrderWhateverItsAmount() {
        var order = placed();
        order.cancelByCustomer(LATER);

        assertThat(order.paymentAuthorized(BigDecimal.ONE, "EUR", LATER)).isEqualTo(Transition.IGNORED_AFTER_TERMINAL);
    }

    @Test
    void appliesTheSameReplyOnceWhenItIsDeliveredTwice() {
        var order = placed();
        order.inventoryReserved(LATER);
        var steps = order.timeline().size();

        assertThat(order.inventoryReserved(LATER)).isEqualTo(Transition.ALREADY_APPLIED);
        assertThat(order.status()).isEqualTo(OrderStatus.INVENTORY_RESERVED);
        assertThat(order.timeline()).hasSize(steps);

        authorizeTotal(order, LATER);
        order.shipmentScheduled("TRACK-1", LATER);
        assertThat(order.shipmentScheduled("TRACK-2", LATER)).isEqualTo(Transition.ALREADY_APPLIED);
        assertThat(order.trackingNumber()).contains("TRACK-1");
    }

    @Test
    void movesOnWhenAPaymentReplyOvertakesTheInventoryReplyItFollows() {
        var order = placed();

        assertThat(authorizeTotal(order, LATER)).isEqualTo(Transition.APPLIED);
        assertThat(order.inventoryReserved(LATER)).isEqualTo(Transition.ALREADY_APPLIED);

        assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("inventoryRejected", failure(Order::inventoryRejected), CancellationReason.OUT_OF_STOCK),
                Arguments.of("paymentFailed", failure(Order::paymentFailed), CancellationReason.PAYMENT_DECLINED),
                Arguments.of("shipmentFailed", failure(Order::shipmentFailed), CancellationReason.SHIPPING_UNAVAILABLE),
                Arguments.of("expire", failure(Order::expire), CancellationReason.TIMEOUT));
    }

    private static BiFunction<Order, Instant, Transition> failure(BiFunction<Order, Instant, Transition> f) {
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void cancelsAnOrderInFlightWithTheReasonOfTheFailure(
            String reply, BiFunction<Order, Instant, Transition> fail, CancellationReason reason) {
        var order = placed();
        order.inventoryReserved(LATER);

        assertThat(fail.apply(order, LATER)).isEqualTo(Transition.APPLIED);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains(reason);
        assertThat(order.completedAt()).contains(LATER);
        assertThat(order.timeline().getLast()).isEqualTo(new TimelineEntry(SagaStep.CANCELLED, LATER, reason.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void neverMovesAConfirmedOrder(
            String reply, BiFunction<Order, Instant, Transition> fail, CancellationReason reason) {
        var order = placed();
        order.shipmentScheduled("TRACK-1", LATER);

        assertThat(fail.apply(order, LATER)).isEqualTo(Transition.IGNORED_AFTER_TERMINAL);

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.cancellationReason()).isEmpty();
    }

    @Test
    void ignoresEveryReplyThatArrivesAfterTheOrderWasCancelled() {
        var order = placed();
        order.cancelByCustomer(LATER);
        var timeline = order.timeline();

        assertThat(order.inventoryReserved(LATER)).isEqualTo(Transition.IGNORED_AFTER_TERMINAL);
        assertThat(authorizeTotal(order, LATER)).isEqualTo(Transition.IGNORED_AFTER_TERMINAL);
        assertThat(order.shipmentScheduled("TRACK-1", LATER)).isEqualTo(Transition.IGNORED_AFTER_TERMINAL);
        assertThat(order.paymentFailed(LATER)).isEqualTo(Transition.IGNORED_AFTER_TERMINAL);
        assertThat(order.expire(LATER)).isEqualTo(Transition.IGNORED_AFTER_TERMINAL);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains(CancellationReason.CUSTOMER_REQUEST);
        assertThat(order.trackingNumber()).isEmpty();
        assertThat(order.timeline()).isEqualTo(timeline);
    }

    @Test
    void treatsARedeliveredFailureAsAlreadyApplied() {
        var order = placed();
        order.paymentFailed(LATER);

        assertThat(order.paymentFailed(LATER.plusSeconds(1))).isEqualTo(Transition.ALREADY_APPLIED);

        assertThat(order.completedAt()).contains(LATER);
    }

    @Test
    void letsTheCustomerCancelAnOrderInFlight() {
        var order = placed();
        authorizeTotal(order, LATER);

        order.cancelByCustomer(LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason()).contains(CancellationReason.CUSTOMER_REQUEST);
        assertThat(order.timeline())
                .extracting(TimelineEntry::step)
                .endsWith(SagaStep.CANCELLATION_REQUESTED, SagaStep.CANCELLED);
    }

    @Test
    void refusesACustomerCancellationOnceTheShipmentIsScheduledOrTheOrderCancelled() {
        var confirmed = placed();
        confirmed.shipmentScheduled("TRACK-1", LATER);
        var cancelled = placed();
        cancelled.inventoryRejected(LATER);

        assertThatThrownBy(() -> confirmed.cancelByCustomer(LATER)).isInstanceOf(OrderNotCancellableException.class);
        assertThatThrownBy(() -> cancelled.cancelByCustomer(LATER)).isInstanceOf(OrderNotCancellableException.class);
        assertThat(cancelled.cancellationReason()).contains(CancellationReason.OUT_OF_STOCK);
    }

    @Test
    void fingerprintsEqualRequestsEquallyAndDifferentOnesDifferently() {
        var one = command(new OrderLine("SKU-1", 2, new BigDecimal("10.5")));
        var same = command(new OrderLine("SKU-1", 2, new BigDecimal("10.50")));
        var other = command(new OrderLine("SKU-1", 3, new BigDecimal("10.50")));

        assertThat(OrderManagement.fingerprint(one)).isEqualTo(OrderManagement.fingerprint(same));
        assertThat(OrderManagement.fingerprint(one)).isNotEqualTo(OrderManagement.fingerprint(other));
    }
}
