package io.ordersaga.loadtest.run;

import io.ordersaga.loadtest.simulation.Outcome;
import io.ordersaga.loadtest.simulation.PlacedOrders.Attempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How the accepted orders ended, against what each was built for. A customer cancel that answered 409
 * and left the order CONFIRMED lost its race with the saga (the shipment was scheduled first): the
 * service behaved correctly, so it is counted as {@code lostRace}, not as a mismatch.
 *
 * @param rows one per outcome of the mix
 * @param finalStates orders per final state, e.g. {@code CONFIRMED}, {@code CANCELLED (OUT_OF_STOCK)}
 * @param mismatches orders that ended, but not as built for (e.g. {@code CANCELLED (TIMEOUT)})
 * @param mismatchExamples the first few, for the report
 */
public record OutcomeTally(
        List<Row> rows, Map<String, Long> finalStates, long mismatches, List<String> mismatchExamples) {

    private static final int EXAMPLES = 10;

    /**
     * @param outcome the outcome's name in the mix
     * @param intended accepted orders built for it
     * @param asIntended of those, the ones that ended as built for
     * @param lostRace customer cancels answered 409 whose order stayed CONFIRMED
     */
    public record Row(String outcome, long intended, long asIntended, long lostRace) {}

    public OutcomeTally {
        rows = List.copyOf(rows);
        finalStates = Map.copyOf(finalStates);
        mismatchExamples = List.copyOf(mismatchExamples);
    }

    /** Tallies the accepted ones of {@code attempts} against the orders as they ended. */
    public static OutcomeTally of(List<Attempt> attempts, Map<UUID, OrderEnd> orders) {
        var rows = new ArrayList<Row>();
        var finalStates = new TreeMap<String, Long>();
        var examples = new ArrayList<String>();
        long mismatches = 0;
        for (Outcome outcome : Outcome.values()) {
            long intended = 0;
            long asIntended = 0;
            long lostRace = 0;
            for (Attempt order : attempts) {
                if (order.intended() != outcome || !order.accepted()) {
                    continue;
                }
                intended++;
                OrderEnd end = orders.get(order.orderId().orElseThrow());
                if (end == null || !end.terminal()) {
                    continue;
                }
                finalStates.merge(stateOf(end), 1L, Long::sum);
                if (endedAsBuilt(outcome, end)) {
                    asIntended++;
                } else if (outcome == Outcome.CUSTOMER_CANCEL
                        && end.status().equals("CONFIRMED")
                        && order.cancelStatus().orElse(0) == 409) {
                    lostRace++;
                } else {
                    mismatches++;
                    if (examples.size() < EXAMPLES) {
                        examples.add("order %s, built for %s, ended %s"
                                .formatted(order.orderId().orElseThrow(), outcome.key(), stateOf(end)));
                    }
                }
            }
            if (intended > 0) {
                rows.add(new Row(outcome.key(), intended, asIntended, lostRace));
            }
        }
        return new OutcomeTally(rows, finalStates, mismatches, examples);
    }

    private static boolean endedAsBuilt(Outcome outcome, OrderEnd end) {
        return end.status().equals(outcome.status())
                && Objects.equals(end.reason(), outcome.reason().orElse(null));
    }

    private static String stateOf(OrderEnd end) {
        return end.reason() == null ? end.status() : end.status() + " (" + end.reason() + ")";
    }
}
