package io.ordersaga.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.loadtest.simulation.Outcome;
import io.ordersaga.loadtest.simulation.PlacedOrders.Attempt;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutcomeTallyTest {

    private final Map<UUID, OrderEnd> orders = new HashMap<>();

    @Test
    void countsOrdersThatEndedAsBuiltFor() {
        var attempts = List.of(
                accepted(Outcome.CONFIRMED, "CONFIRMED", null),
                accepted(Outcome.OUT_OF_STOCK, "CANCELLED", "OUT_OF_STOCK"),
                accepted(Outcome.PAYMENT_DECLINED, "CANCELLED", "PAYMENT_DECLINED"));

        var tally = OutcomeTally.of(attempts, orders);

        assertThat(tally.mismatches()).isZero();
        assertThat(tally.rows())
                .extracting(OutcomeTally.Row::outcome, OutcomeTally.Row::intended, OutcomeTally.Row::asIntended)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("confirmed", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("out-of-stock", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("payment-declined", 1L, 1L));
        assertThat(tally.finalStates()).containsEntry("CONFIRMED", 1L).containsEntry("CANCELLED (OUT_OF_STOCK)", 1L);
    }

    @Test
    void aCancelAnswered409WhoseOrderWasConfirmedLostTheRaceAndIsNoMismatch() {
        var attempts = List.of(cancel(409, "CONFIRMED", null), cancel(200, "CANCELLED", "CUSTOMER_REQUEST"));

        var tally = OutcomeTally.of(attempts, orders);

        assertThat(tally.mismatches()).isZero();
        assertThat(tally.rows()).singleElement().isEqualTo(new OutcomeTally.Row("customer-cancel", 2, 1, 1));
    }

    @Test
    void anOrderTimedOutOrConfirmedAfterASuccessfulCancelIsAMismatch() {
        var attempts = List.of(
                accepted(Outcome.CONFIRMED, "CANCELLED", "TIMEOUT"),
                cancel(200, "CONFIRMED", null),
                accepted(Outcome.SHIPPING_UNAVAILABLE, "CONFIRMED", null));

        var tally = OutcomeTally.of(attempts, orders);

        assertThat(tally.mismatches()).isEqualTo(3);
        assertThat(tally.mismatchExamples()).hasSize(3).first().asString().contains("CANCELLED (TIMEOUT)");
    }

    @Test
    void leavesRejectedAndUnfinishedOrdersOutOfTheOutcomes() {
        var rejected = new Attempt(
                Optional.empty(),
                Outcome.CONFIRMED,
                0,
                OptionalInt.of(500),
                OptionalLong.of(3),
                OptionalInt.empty(),
                OptionalLong.empty());
        var inFlight = accepted(Outcome.CONFIRMED, "PENDING", null);

        var tally = OutcomeTally.of(List.of(rejected, inFlight), orders);

        assertThat(tally.mismatches()).isZero();
        assertThat(tally.rows()).singleElement().isEqualTo(new OutcomeTally.Row("confirmed", 1, 0, 0));
        assertThat(tally.finalStates()).isEmpty();
    }

    private Attempt accepted(Outcome outcome, String status, String reason) {
        return attempt(outcome, OptionalInt.empty(), status, reason);
    }

    private Attempt cancel(int cancelStatus, String status, String reason) {
        return attempt(Outcome.CUSTOMER_CANCEL, OptionalInt.of(cancelStatus), status, reason);
    }

    private Attempt attempt(Outcome outcome, OptionalInt cancelStatus, String status, String reason) {
        var id = UUID.randomUUID();
        var placed = Instant.parse("2026-11-25T12:00:00Z");
        boolean terminal = status.equals("CONFIRMED") || status.equals("CANCELLED");
        orders.put(id, new OrderEnd(id, status, reason, placed, terminal ? placed.plusMillis(150) : null));
        return new Attempt(
                Optional.of(id),
                outcome,
                placed.toEpochMilli(),
                OptionalInt.of(202),
                OptionalLong.of(12),
                cancelStatus,
                cancelStatus.isPresent() ? OptionalLong.of(8) : OptionalLong.empty());
    }
}
