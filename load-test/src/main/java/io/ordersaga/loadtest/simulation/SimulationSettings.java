package io.ordersaga.loadtest.simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@link OrderSagaSimulation} does: Gatling creates the simulation itself, so its settings travel
 * as system properties ({@code loadtest.*}), set by the runner before each run.
 *
 * @param baseUrl the order service, e.g. {@code http://127.0.0.1:8081}
 * @param startRate orders placed per second at the start: the arrival rate ramps linearly from it
 *     to {@code rate} over the duration (a warm-up); equal to {@code rate} for a constant rate
 * @param rate orders placed per second at the end, at a constant arrival rate unless {@code
 *     startRate} differs (open model either way)
 * @param duration how long orders are placed
 * @param mix the share of each outcome
 * @param seed the orders' content is drawn from it, so equal settings place equal orders
 * @param placedOrders where every attempt is written ({@link PlacedOrders})
 */
public record SimulationSettings(
        String baseUrl,
        double startRate,
        double rate,
        Duration duration,
        OutcomeMix mix,
        long seed,
        Path placedOrders) {

    private static final String PREFIX = "loadtest.";

    public SimulationSettings {
        if (!(rate > 0) || !(startRate > 0)) {
            throw new IllegalArgumentException("the rates must be positive, not " + startRate + " and " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the duration must be positive, not " + duration);
        }
    }

    /** A constant arrival rate of {@code rate} orders per second. */
    public static SimulationSettings constant(
            String baseUrl, double rate, Duration duration, OutcomeMix mix, long seed, Path placedOrders) {
        return new SimulationSettings(baseUrl, rate, rate, duration, mix, seed, placedOrders);
    }

    /** Whether the arrival rate ramps from {@link #startRate()} to {@link #rate()}. */
    public boolean ramps() {
        return startRate != rate;
    }

    /** "20.0 orders/s", or "10.0 to 60.0 orders/s" for a ramp: for logs and report titles. */
    public String describeRate() {
        return (ramps() ? startRate + " to " + rate : Double.toString(rate)) + " orders/s";
    }

    public static SimulationSettings fromSystemProperties() {
        return new SimulationSettings(
                required("base-url"),
                Double.parseDouble(required("start-rate")),
                Double.parseDouble(required("rate")),
                Duration.parse(required("duration")),
                OutcomeMix.parse(required("mix")),
                Long.parseLong(required("seed")),
                Path.of(required("placed-orders")));
    }

    /** The system properties {@link #fromSystemProperties()} reads. */
    public Map<String, String> asSystemProperties() {
        return Map.of(
                PREFIX + "base-url", baseUrl,
                PREFIX + "start-rate", Double.toString(startRate),
                PREFIX + "rate", Double.toString(rate),
                PREFIX + "duration", duration.toString(),
                PREFIX + "mix", mix.toString(),
                PREFIX + "seed", Long.toString(seed),
                PREFIX + "placed-orders", placedOrders.toAbsolutePath().toString());
    }

    private static String required(String name) {
        String value = System.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + PREFIX + name + " is not set");
        }
        return value;
    }
}
