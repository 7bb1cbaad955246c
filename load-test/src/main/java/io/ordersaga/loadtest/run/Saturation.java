package io.ordersaga.loadtest.run;

import io.ordersaga.loadtest.simulation.SimulationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps the arrival rate up, one {@link LoadRun} per step with a drain between them, until a step is
 * not sustained: the p99 placed-to-terminal latency exceeds its limit, the orders fall behind (the
 * drain after the step takes longer than {@code maxDrain}) or their e-mails do (the last is sent
 * later than {@code maxDrain} after the step's last order), the customers' arrivals themselves fall
 * short of the rate, or any order goes wrong. The highest sustained rate is the saturation point.
 */
public final class Saturation {

    private static final Logger log = LoggerFactory.getLogger(Saturation.class);

    /** Arrivals below this share of the target rate mean the load generator itself could not keep up. */
    private static final double ARRIVAL_SHARE = 0.95;

    /**
     * @param startRate the first step's orders per second
     * @param rateStep added at each step
     * @param maxRate no step above it
     * @param stepDuration how long each step places orders
     * @param p99LimitMillis the placed-to-terminal p99 a sustained step stays within (SPEC: 1 s)
     * @param maxDrain how long the orders in flight at a step's end may take to end, and their last
     *     e-mail to go out
     */
    public record Plan(
            double startRate,
            double rateStep,
            double maxRate,
            Duration stepDuration,
            long p99LimitMillis,
            Duration maxDrain) {}

    /** A step and whether it was sustained, with the reasons when it was not. */
    public record Step(StepResult result, boolean sustained, List<String> reasons) {

        public Step {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param steps every step run, in order; the last one is the first not sustained unless the
     *     maximum rate was reached
     * @param highestSustainedRate orders per second of the last sustained step; 0 when none was
     * @param stoppedBecause why the steps stopped
     */
    public record Result(List<Step> steps, double highestSustainedRate, String stoppedBecause) {

        public Result {
            steps = List.copyOf(steps);
        }
    }

    private final LoadRun run;
    private final Plan plan;

    public Saturation(LoadRun run, Plan plan) {
        this.run = run;
        this.plan = plan;
    }

    /** Runs the steps; {@code settingsAt} gives a step's simulation settings for its rate and directory. */
    public Result run(SettingsAt settingsAt, Path directory) {
        var steps = new ArrayList<Step>();
        double highest = 0;
        for (int i = 0; plan.startRate() + i * plan.rateStep() <= plan.maxRate(); i++) {
            double rate = plan.startRate() + i * plan.rateStep();
            Path stepDirectory = directory.resolve("step-%05.1f".formatted(rate));
            StepResult result = run.run(settingsAt.at(rate, stepDirectory), stepDirectory);
            var reasons = judge(result);
            steps.add(new Step(result, reasons.isEmpty(), reasons));
            log.info(
                    "{} orders/s: saga p99 {} ms, drain {} ms: {}",
                    rate,
                    result.saga().p99Millis(),
                    result.drainMillis(),
                    reasons.isEmpty() ? "sustained" : "not sustained: " + String.join("; ", reasons));
            if (!reasons.isEmpty()) {
                return new Result(steps, highest, rate + " orders/s: " + String.join("; ", reasons));
            }
            highest = rate;
        }
        return new Result(steps, highest, "reached the maximum rate of " + plan.maxRate() + " orders/s");
    }

    /** The reasons {@code result} was not sustained; empty when it was. */
    List<String> judge(StepResult result) {
        var reasons = new ArrayList<>(result.problems());
        if (result.saga().p99Millis() > plan.p99LimitMillis()) {
            reasons.add("saga p99 %d ms > %d ms".formatted(result.saga().p99Millis(), plan.p99LimitMillis()));
        }
        if (result.drainMillis() > plan.maxDrain().toMillis()) {
            reasons.add("orders fell behind: the drain took %d ms > %d ms"
                    .formatted(result.drainMillis(), plan.maxDrain().toMillis()));
        }
        EmailDelivery emails = result.emails();
        if (emails.measured() && emails.drainMillis() > plan.maxDrain().toMillis()) {
            reasons.add("e-mails fell behind: the last was sent %d ms after the last order > %d ms"
                    .formatted(emails.drainMillis(), plan.maxDrain().toMillis()));
        }
        if (result.http().arrivalRate() < ARRIVAL_SHARE * result.targetRate()) {
            reasons.add(
                    "arrivals %.1f/s short of %.1f/s".formatted(result.http().arrivalRate(), result.targetRate()));
        }
        return reasons;
    }

    /** A step's simulation settings. */
    @FunctionalInterface
    public interface SettingsAt {
        SimulationSettings at(double rate, Path stepDirectory);
    }
}
