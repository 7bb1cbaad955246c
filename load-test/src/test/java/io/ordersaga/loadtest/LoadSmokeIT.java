package io.ordersaga.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.loadtest.report.SummaryFiles;
import io.ordersaga.loadtest.run.CpuUse;
import io.ordersaga.loadtest.run.InvariantResult;
import io.ordersaga.loadtest.run.OutcomeTally;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke run of the load test: the whole runner as {@code bin/load-test} runs it, at 20
 * orders/s for 30 s, against a stack it starts on free ports and stops again. It keeps the load test
 * working; the figures of a loaded CI machine are not judged (docs/performance.md has the measured
 * ones), correctness is: every order accepted and ending as built for, the invariants holding.
 */
class LoadSmokeIT {

    private static final Path ROOT = Path.of(System.getProperty("loadtest.project-root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final String VERSION = System.getProperty("loadtest.version", "0.1.0-SNAPSHOT");

    @Test
    void placesTwentyOrdersPerSecondForThirtySecondsAndEveryOrderEndsAsBuiltWithTheInvariantsHolding() {
        var options = LoadTestOptions.parse(
                List.of(
                        "--rate",
                        "20",
                        "--duration",
                        "30s",
                        "--random-ports",
                        "--stack-dir",
                        "load-test/target/smoke-stack",
                        "--output",
                        "load-test/target/smoke",
                        "--warmup-load",
                        "30s"),
                ROOT);

        var summary = new LoadTest(options, ROOT, VERSION).run();
        SummaryFiles.write(summary, options.output());

        assertThat(summary.stackStartedHere()).isTrue();
        var step = summary.steps().getFirst();
        assertThat(step.http().attempted()).isEqualTo(600);
        assertThat(step.http().errors()).isZero();
        assertThat(step.http().accepted()).isEqualTo(600);
        assertThat(step.lost()).isZero();
        assertThat(step.stuck()).isZero();
        assertThat(step.saga().count()).isEqualTo(600);
        // The default mix is exact in every 100 orders; a cancel may lose its race with the shipment.
        assertThat(step.outcomes().rows())
                .extracting(OutcomeTally.Row::outcome, OutcomeTally.Row::intended)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("confirmed", 510L),
                        org.assertj.core.groups.Tuple.tuple("out-of-stock", 30L),
                        org.assertj.core.groups.Tuple.tuple("payment-declined", 30L),
                        org.assertj.core.groups.Tuple.tuple("shipping-unavailable", 18L),
                        org.assertj.core.groups.Tuple.tuple("customer-cancel", 12L));
        assertThat(step.outcomes().rows()).allSatisfy(row -> assertThat(row.asIntended() + row.lostRace())
                .as(row.outcome())
                .isEqualTo(row.intended()));
        assertThat(step.outcomes().mismatches()).isZero();
        // Every e-mail the orders are owed went out before the runner moved on: two per CONFIRMED order
        // (confirmation, shipment), one per CANCELLED one.
        var finalStates = step.outcomes().finalStates();
        long cancelled = finalStates.entrySet().stream()
                .filter(state -> state.getKey().startsWith("CANCELLED"))
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
        var emails = step.emails();
        assertThat(emails.measured()).as(emails.note()).isTrue();
        assertThat(emails.owed()).isEqualTo(2 * finalStates.getOrDefault("CONFIRMED", 0L) + cancelled);
        assertThat(emails.sent()).isEqualTo(emails.owed());
        assertThat(emails.outstanding()).isZero();
        assertThat(emails.afterOrderEnd().count()).isEqualTo(emails.sent());
        // The last e-mail goes out after the last order was placed (its saga ends, then its e-mail).
        assertThat(emails.drainMillis()).isPositive();
        assertThat(summary.invariants()).hasSize(5);
        // All five: the stack it starts runs the six services, e-mails and search index included.
        assertThat(summary.invariants()).allSatisfy(invariant -> assertThat(invariant.status())
                .as(invariant.statement() + ": " + invariant.violations())
                .isEqualTo(InvariantResult.Status.HOLDS));
        assertThat(summary.passed()).as(String.join("; ", summary.failures())).isTrue();
        var cpu = step.cpu();
        assertThat(cpu.measured()).as(cpu.note()).isTrue();
        assertThat(cpu.processes())
                .extracting(CpuUse.Row::name)
                .contains(
                        "order-service",
                        "inventory-service",
                        "payment-service",
                        "shipping-service",
                        "notification-service",
                        "search-projection-service",
                        "postgresql",
                        "kafka");
        assertThat(cpu.processes())
                .allSatisfy(process ->
                        assertThat(process.cpuSeconds()).as(process.name()).isNotNegative());
        assertThat(cpu.stackTotal().cpuSeconds()).isPositive();
        assertThat(cpu.stackTotal().msPerOrder()).isPositive();
        assertThat(List.of(summary.speed().before(), summary.speed().after())).allSatisfy(probe -> {
            assertThat(probe.sortMillis()).isPositive();
            assertThat(probe.roundTripMicros()).isPositive();
        });
        assertThat(options.output().resolve("summary.json")).isNotEmptyFile();
        assertThat(options.output().resolve("summary.md"))
                .content()
                .contains("# Load test: passed", "## CPU", "| postgresql |", "| **stack total** |", "\nE-mails: ");
        assertThat(Path.of(step.gatlingReport())).isNotEmptyFile();
        assertThat(Files.exists(options.stackDirectory().resolve("stack.properties")))
                .as("the stack it started is stopped")
                .isFalse();
    }
}
