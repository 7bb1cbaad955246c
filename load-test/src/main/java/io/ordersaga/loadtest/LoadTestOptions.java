package io.ordersaga.loadtest;

import io.ordersaga.loadtest.run.Saturation;
import io.ordersaga.loadtest.simulation.OutcomeMix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of {@code bin/load-test}; every option has a default, so no option runs 10,000
 * orders/min for 10 minutes against the local stack.
 *
 * @param rate orders per second ({@code --rate}, default 167: 10,000 per minute)
 * @param duration how long ({@code --duration}, default 10m)
 * @param mix the outcome mix ({@code --mix confirmed=85,out-of-stock=5,...})
 * @param seed the orders' content ({@code --seed}, default 1)
 * @param saturation the stepped saturation run instead of one rate ({@code --saturation}, with
 *     {@code --start-rate 20 --rate-step 20 --max-rate 400 --step-duration 1m --p99-limit 1s --max-drain 5s})
 * @param baseUrl a target given by URL only ({@code --base-url}): no stack is started, the orders are
 *     read back through GET /orders/{id} and the invariants, which need the databases, are not checked
 * @param stackDirectory where the local stack keeps its state ({@code --stack-dir}, default
 *     {@code target/local-stack}): a stack running from there is used, else one is started there
 * @param services the services of a stack started here ({@code --services}, default every built one)
 * @param randomPorts a stack started here uses free ports ({@code --random-ports})
 * @param output where the summary, the placed orders and Gatling's report go ({@code --output},
 *     default {@code target/load-test})
 * @param warmup orders of each outcome placed before the load ({@code --warmup-rounds}, default 1 round
 *     of the mix; 0 for none)
 * @param warmupLoad load after those, before the measured load, not measured ({@code --warmup-load},
 *     default 60 s; 0s for none), ramping from {@code --warmup-rate} to the {@link #firstRate() first
 *     measured rate}: a fresh stack's JVMs run interpreted and C1-compiled code for minutes, and a
 *     cold stack collapses at rates a warm one sustains (docs/performance.md)
 * @param warmupRate the warm-up load's rate at its start (default 10 orders/s)
 * @param drainTimeout how long to wait after the load for the last order to end ({@code --drain-timeout})
 */
public record LoadTestOptions(
        double rate,
        Duration duration,
        OutcomeMix mix,
        long seed,
        Optional<Saturation.Plan> saturation,
        Optional<String> baseUrl,
        Path stackDirectory,
        Optional<List<String>> services,
        boolean randomPorts,
        Path output,
        int warmup,
        Duration warmupLoad,
        double warmupRate,
        Duration drainTimeout) {

    static final String USAGE = """
            usage: bin/load-test [--rate 167] [--duration 10m] [--mix confirmed=85,out-of-stock=5,payment-declined=5,shipping-unavailable=3,customer-cancel=2]
                                 [--saturation [--start-rate 20] [--rate-step 20] [--max-rate 400] [--step-duration 1m]
                                               [--p99-limit 1s] [--max-drain 5s]]
                                 [--base-url http://host:port | --stack-dir target/local-stack [--services a,b] [--random-ports]]
                                 [--output target/load-test] [--seed 1] [--warmup-rounds 1]
                                 [--warmup-load 60s] [--warmup-rate 10] [--drain-timeout 2m]
            Durations: 500ms, 30s, 10m, 1h or ISO-8601 (PT30S).""";

    /** The measured load's rate at its start: the rate, or the saturation mode's first step. */
    double firstRate() {
        return saturation.map(Saturation.Plan::startRate).orElse(rate);
    }

    /** Parses the command line; relative paths are resolved against {@code projectRoot}. */
    static LoadTestOptions parse(List<String> args, Path projectRoot) {
        double rate = 167;
        Duration duration = Duration.ofMinutes(10);
        OutcomeMix mix = OutcomeMix.DEFAULT;
        long seed = 1;
        boolean saturation = false;
        double startRate = 20;
        double rateStep = 20;
        double maxRate = 400;
        Duration stepDuration = Duration.ofMinutes(1);
        Duration p99Limit = Duration.ofSeconds(1);
        Duration maxDrain = Duration.ofSeconds(5);
        Optional<String> baseUrl = Optional.empty();
        Path stackDirectory = Path.of("target/local-stack");
        Optional<List<String>> services = Optional.empty();
        boolean randomPorts = false;
        Path output = Path.of("target/load-test");
        int warmup = 1;
        Duration warmupLoad = Duration.ofSeconds(60);
        double warmupRate = 10;
        Duration drainTimeout = Duration.ofMinutes(2);
        var rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            switch (option) {
                case "--saturation" -> saturation = true;
                case "--random-ports" -> randomPorts = true;
                case "--rate" -> rate = Double.parseDouble(value(option, rest));
                case "--duration" -> duration = duration(value(option, rest));
                case "--mix" -> mix = OutcomeMix.parse(value(option, rest));
                case "--seed" -> seed = Long.parseLong(value(option, rest));
                case "--start-rate" -> startRate = Double.parseDouble(value(option, rest));
                case "--rate-step" -> rateStep = Double.parseDouble(value(option, rest));
                case "--max-rate" -> maxRate = Double.parseDouble(value(option, rest));
                case "--step-duration" -> stepDuration = duration(value(option, rest));
                case "--p99-limit" -> p99Limit = duration(value(option, rest));
                case "--max-drain" -> maxDrain = duration(value(option, rest));
                case "--base-url" -> baseUrl = Optional.of(stripSlash(value(option, rest)));
                case "--stack-dir" -> stackDirectory = Path.of(value(option, rest));
                case "--services" ->
                    services = Optional.of(List.of(value(option, rest).split(",")));
                case "--output" -> output = Path.of(value(option, rest));
                case "--warmup-rounds" -> warmup = Integer.parseInt(value(option, rest));
                case "--warmup-load" -> warmupLoad = duration(value(option, rest));
                case "--warmup-rate" -> warmupRate = Double.parseDouble(value(option, rest));
                case "--drain-timeout" -> drainTimeout = duration(value(option, rest));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new LoadTestOptions(
                rate,
                duration,
                mix,
                seed,
                saturation
                        ? Optional.of(new Saturation.Plan(
                                startRate, rateStep, maxRate, stepDuration, p99Limit.toMillis(), maxDrain))
                        : Optional.empty(),
                baseUrl,
                projectRoot.resolve(stackDirectory).normalize(),
                services,
                randomPorts,
                projectRoot.resolve(output).normalize(),
                warmup,
                warmupLoad,
                warmupRate,
                drainTimeout);
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601 such as {@code PT30S}. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt")) {
            return Duration.parse(text.trim());
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (e.g. 30s, 10m)");
        };
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.removeFirst();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
