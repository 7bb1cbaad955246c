package io.ordersaga.loadtest.run;

import io.ordersaga.loadtest.simulation.PlacedOrders.Attempt;
import java.util.List;

/**
 * The HTTP side of a run, from every attempt the simulation recorded.
 *
 * @param attempted orders the customers tried to place
 * @param accepted of those, POST /orders answered 202
 * @param errors POST /orders without a 202 (including timeouts and refused connections) plus customer
 *     cancels without a 200 or 409
 * @param arrivalRate attempts per second, between the first and the last arrival
 * @param placeOrder response times of POST /orders that got an answer
 * @param cancelOrder response times of POST /orders/{id}/cancel that got an answer
 */
public record HttpStats(
        long attempted,
        long accepted,
        long errors,
        double arrivalRate,
        Percentiles placeOrder,
        Percentiles cancelOrder) {

    public static HttpStats of(List<Attempt> attempts) {
        long accepted = attempts.stream().filter(Attempt::accepted).count();
        long errors = attempts.stream()
                .filter(attempt -> !attempt.accepted() || attempt.cancelFailed())
                .count();
        long first = attempts.stream().mapToLong(Attempt::startedAtMillis).min().orElse(0);
        long last = attempts.stream().mapToLong(Attempt::startedAtMillis).max().orElse(0);
        double rate = last > first ? (attempts.size() - 1) * 1000.0 / (last - first) : 0;
        return new HttpStats(
                attempts.size(),
                accepted,
                errors,
                rate,
                Percentiles.of(attempts.stream()
                        .filter(attempt -> attempt.placeMillis().isPresent())
                        .map(attempt -> attempt.placeMillis().getAsLong())
                        .toList()),
                Percentiles.of(attempts.stream()
                        .filter(attempt -> attempt.cancelMillis().isPresent())
                        .map(attempt -> attempt.cancelMillis().getAsLong())
                        .toList()));
    }
}
