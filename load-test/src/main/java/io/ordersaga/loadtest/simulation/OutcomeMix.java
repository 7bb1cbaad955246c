package io.ordersaga.loadtest.simulation;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The share of each {@link Outcome} in the load, as whole-number weights (the default: 85% confirmed,
 * 5% out of stock, 5% payment declined, 3% shipping unavailable, 2% customer cancel).
 *
 * <p>{@link #sequence()} interleaves the outcomes by smooth weighted round robin rather than drawing
 * them at random: every window of {@link #total()} consecutive orders has exactly the mix, so a short
 * run has the same proportions as a long one and the expected count of each outcome is exact.
 */
public record OutcomeMix(Map<Outcome, Integer> weights) {

    public static final OutcomeMix DEFAULT =
            parse("confirmed=85,out-of-stock=5,payment-declined=5,shipping-unavailable=3,customer-cancel=2");

    public OutcomeMix {
        var copy = new EnumMap<Outcome, Integer>(Outcome.class);
        weights.forEach((outcome, weight) -> {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight for " + outcome.key());
            }
            if (weight > 0) {
                copy.put(outcome, weight);
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("the mix has no outcome with a positive weight");
        }
        weights = Map.copyOf(copy);
    }

    /** {@code confirmed=85,out-of-stock=5,...}; outcomes left out have weight 0. */
    public static OutcomeMix parse(String text) {
        var weights = new EnumMap<Outcome, Integer>(Outcome.class);
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("mix entry '" + part + "' is not outcome=weight");
            }
            weights.merge(Outcome.ofKey(pair[0].trim()), Integer.parseInt(pair[1].trim()), Integer::sum);
        }
        return new OutcomeMix(weights);
    }

    public int total() {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int weight(Outcome outcome) {
        return weights.getOrDefault(outcome, 0);
    }

    /** The expected number of {@code outcome} among the first {@code orders} of {@link #sequence()}. */
    public long expected(Outcome outcome, long orders) {
        var sequence = sequence();
        long full = orders / total();
        long count = full * weight(outcome);
        for (long i = 0; i < orders % total(); i++) {
            if (sequence.get() == outcome) {
                count++;
            }
        }
        return count;
    }

    /** The outcomes in mix order, endlessly; not thread-safe. */
    public Supplier<Outcome> sequence() {
        var current = new EnumMap<Outcome, Integer>(Outcome.class);
        weights.keySet().forEach(outcome -> current.put(outcome, 0));
        int total = total();
        return () -> {
            weights.forEach((outcome, weight) -> current.merge(outcome, weight, Integer::sum));
            Outcome best = null;
            for (Outcome outcome : current.keySet()) {
                if (best == null || current.get(outcome) > current.get(best)) {
                    best = outcome;
                }
            }
            current.merge(best, -total, Integer::sum);
            return best;
        };
    }

    @Override
    public String toString() {
        var text = new StringBuilder();
        for (Outcome outcome : Outcome.values()) {
            if (weights.containsKey(outcome)) {
                text.append(text.isEmpty() ? "" : ",")
                        .append(outcome.key())
                        .append('=')
                        .append(weights.get(outcome));
            }
        }
        return text.toString();
    }
}
