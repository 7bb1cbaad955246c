package io.ordersaga.systemtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * @param checked what each invariant was checked against, by its number (1 to 5), e.g. {@code 4 ->
 *     "97 e-mails about 50 orders"}: a summary that shows an invariant held over real data, not over
 *     nothing; 4 and 5 are missing when the read side was not checked
 */
public record InvariantReport(
        int orders,
        int confirmed,
        int cancelled,
        int inFlight,
        BigDecimal confirmedTotal,
        BigDecimal captured,
        BigDecimal refunded,
        List<String> violations,
        Map<Integer, String> checked) {

    public InvariantReport {
        violations = List.copyOf(violations);
        checked = Map.copyOf(checked);
    }

    /** What invariant {@code number} was checked against, or empty when it was not checked. */
    public Optional<String> checked(int number) {
        return Optional.ofNullable(checked.get(number));
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
