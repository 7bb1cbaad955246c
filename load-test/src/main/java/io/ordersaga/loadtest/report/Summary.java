package io.ordersaga.loadtest.report;

import io.ordersaga.loadtest.run.InvariantResult;
import io.ordersaga.loadtest.run.Saturation;
import io.ordersaga.loadtest.run.StepResult;
import java.util.List;

/**
 * Everything a load test run found, written as {@code summary.json} and {@code summary.md}.
 *
 * @param mode {@code run} (one rate) or {@code saturation} (stepped rates)
 * @param startedAt when the run began (UTC)
 * @param finishedAt when the checks ended
 * @param machine where it ran
 * @param speed how fast the machine ran two fixed pieces of work (a sort, a loopback round trip) before
 *     the load and after it
 * @param orderServiceUrl the target of the load
 * @param services the stack's services, empty for a target given only by URL
 * @param stackStartedHere whether the runner started the stack (and stopped it after)
 * @param topicPartitions the partitions of each saga topic of the stack; null for a target given
 *     only by URL, or a stack that did not say
 * @param mix the outcome mix
 * @param steps the periods of load: one, or one per saturation step
 * @param warmup the warm-up load before them, reported and not judged; null when there was none. A
 *     stack that fell behind in the warm-up starts the measured load with its effects (compensations
 *     still landing, code still compiling; docs/performance.md, the ninth round), so the summary
 *     shows how the warm-up went
 * @param saturation the saturation verdict, for the saturation mode only (else null)
 * @param invariants SPEC.md's invariants after the load
 * @param targets the performance targets (p99 placed-to-terminal under 1 s at the rate), met or not
 * @param passed no HTTP error, no order lost, stuck or ending other than built for, no invariant violated
 * @param failures why it did not pass
 */
public record Summary(
        String mode,
        String startedAt,
        String finishedAt,
        Machine machine,
        MachineSpeed speed,
        String orderServiceUrl,
        List<String> services,
        boolean stackStartedHere,
        Integer topicPartitions,
        String mix,
        List<StepResult> steps,
        StepResult warmup,
        SaturationVerdict saturation,
        List<InvariantResult> invariants,
        List<String> targets,
        boolean passed,
        List<String> failures) {

    /**
     * @param highestSustainedRate the saturation point, orders per second
     * @param stoppedBecause why the steps stopped
     * @param stepVerdicts per step, in the order of {@code steps}: {@code sustained} or the reasons it was not
     */
    public record SaturationVerdict(double highestSustainedRate, String stoppedBecause, List<String> stepVerdicts) {

        public SaturationVerdict {
            stepVerdicts = List.copyOf(stepVerdicts);
        }

        public static SaturationVerdict of(Saturation.Result result) {
            return new SaturationVerdict(
                    result.highestSustainedRate(),
                    result.stoppedBecause(),
                    result.steps().stream()
                            .map(step -> step.sustained() ? "sustained" : String.join("; ", step.reasons()))
                            .toList());
        }
    }

    public Summary {
        services = List.copyOf(services);
        steps = List.copyOf(steps);
        invariants = List.copyOf(invariants);
        targets = List.copyOf(targets);
        failures = List.copyOf(failures);
    }
}
