package io.ordersaga.systemtest;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@link SagaInvariants#check} found: the counts it looked at and every violation, each a
 * sentence naming the invariant, the order or product and the values that disagree.
 *
 * @param orders orders in the order service's database
 * @param confirmed orders CONFIRMED
 * @param cancelled orders CANCELLED
 * @param inFlight orders not yet terminal
 * @param confirmedTotal the sum of the CONFIRMED orders' totals
 * @param captured the sum of every authorized payment of a terminal order, refunded or not
 * @param refunded the sum of the refunded payments of terminal orders
 * @param violations empty when the invariants checked hold
 */
public record InvariantReport(
        int orders,
        int confirmed,
        int cancelled,
        int inFlight,
        BigDecimal confirmedTotal,
        BigDecimal captured,
        BigDecimal refunded,
        List<String> violations) {

    public InvariantReport {
        violations = List.copyOf(violations);
    }

    public boolean holds() {
        return violations.isEmpty();
    }

    /** Throws an {@link AssertionError} listing the violations unless the invariants hold. */
    public InvariantReport assertHolds() {
        if (!holds()) {
            throw new AssertionError(
                    "saga invariants violated:\n  " + String.join("\n  ", violations) + "\n" + summary());
        }
        return this;
    }

    public String summary() {
        return "%d orders (%d confirmed, %d cancelled, %d in flight); confirmed total %s, captured %s, refunded %s"
                .formatted(orders, confirmed, cancelled, inFlight, confirmedTotal, captured, refunded);
    }

    @Override
    public String toString() {
        return holds() ? "invariants hold: " + summary() : "violations " + violations + ": " + summary();
    }
}
