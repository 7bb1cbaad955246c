package io.ordersaga.loadtest.report;

import io.ordersaga.loadtest.run.CpuUse;
import io.ordersaga.loadtest.run.InvariantResult;
import io.ordersaga.loadtest.run.OutcomeTally;
import io.ordersaga.loadtest.run.Percentiles;
import io.ordersaga.loadtest.run.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Summary} as {@code summary.json} (for tools) and {@code summary.md} (for people and docs). */
public final class SummaryFiles {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SummaryFiles() {}

    /** Writes both files into {@code directory}; answers the Markdown. */
    public static String write(Summary summary, Path directory) {
        String markdown = markdown(summary);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("summary.json"), JSON.writeValueAsString(summary));
            Files.writeString(directory.resolve("summary.md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary to " + directory, e);
        }
        return markdown;
    }

    static String markdown(Summary summary) {
        var md = new StringBuilder();
        md.append("# Load test: ")
                .append(summary.passed() ? "passed" : "FAILED")
                .append("\n\n");
        line(md, "Mode", summary.mode());
        line(md, "Started / finished (UTC)", summary.startedAt() + " / " + summary.finishedAt());
        var machine = summary.machine();
        line(
                md,
                "Machine",
                "%d cores (%s), %,d MB, %s, %s"
                        .formatted(machine.cores(), machine.cpu(), machine.memoryMb(), machine.os(), machine.java()));
        line(
                md,
                "Target",
                summary.orderServiceUrl()
                        + (summary.services().isEmpty()
                                ? " (by URL only)"
                                : "; stack of " + String.join(", ", summary.services())
                                        + (summary.stackStartedHere()
                                                ? ", started for this run"
                                                : ", already running")));
        line(md, "Mix", summary.mix());
        if (!summary.failures().isEmpty()) {
            md.append("\n**Failures:**\n\n");
            summary.failures()
                    .forEach(failure -> md.append("- ").append(failure).append('\n'));
        }
        if (!summary.targets().isEmpty()) {
            md.append("\n**Targets:**\n\n");
            summary.targets().forEach(target -> md.append("- ").append(target).append('\n'));
        }

        md.append("\n## Load\n\n");
        md.append("| rate (orders/s) | duration | attempted | accepted | HTTP errors | arrivals/s | accepted/s"
                + " | POST /orders p50 / p95 / p99 / max (ms) | cancel p50 / p99 / max (ms)"
                + " | saga p50 / p95 / p99 / max (ms) | drain (ms) | lost | stuck | load avg before → after |");
        if (summary.saturation() != null) {
            md.append(" verdict |");
        }
        md.append('\n');
        md.append("|---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|---:|---:|---|");
        if (summary.saturation() != null) {
            md.append("---|");
        }
        md.append('\n');
        for (int i = 0; i < summary.steps().size(); i++) {
            StepResult step = summary.steps().get(i);
            var http = step.http();
            md.append("| %s | %d s | %,d | %,d | %,d | %.1f | %.1f | %s | %s | %s | %,d | %d | %d | %.1f → %.1f |"
                    .formatted(
                            number(step.targetRate()),
                            step.durationSeconds(),
                            http.attempted(),
                            http.accepted(),
                            http.errors(),
                            http.arrivalRate(),
                            step.acceptedRate(),
                            four(http.placeOrder()),
                            three(http.cancelOrder()),
                            four(step.saga()),
                            step.drainMillis(),
                            step.lost(),
                            step.stuck(),
                            step.loadBefore().one(),
                            step.loadAfter().one()));
            if (summary.saturation() != null) {
                md.append(' ')
                        .append(summary.saturation().stepVerdicts().get(i))
                        .append(" |");
            }
            md.append('\n');
        }
        if (summary.saturation() != null) {
            md.append("\n**Saturation point: %s orders/s** (%s orders/min). Stopped: %s.\n"
                    .formatted(
                            number(summary.saturation().highestSustainedRate()),
                            number(summary.saturation().highestSustainedRate() * 60),
                            summary.saturation().stoppedBecause()));
        }
        for (StepResult step : summary.steps()) {
            outcomes(md, step);
            if (!step.hops().isEmpty()) {
                md.append("\nWhere the saga's time goes (the order service's timeline; p50 / p95 / p99 / max, ms): ");
                md.append(String.join(
                        "; ",
                        step.hops().stream()
                                .map(hop -> hop.name() + " " + four(hop.latency()))
                                .toList()));
                md.append(".\n");
            }
            if (step.sagaByMinute().size() > 1) {
                md.append("\nSaga latency per minute of the run (p50 / p95 / p99 / max, ms): ");
                for (int minute = 0; minute < step.sagaByMinute().size(); minute++) {
                    md.append(minute == 0 ? "" : "; ")
                            .append(minute + 1)
                            .append(": ")
                            .append(four(step.sagaByMinute().get(minute)));
                }
                md.append('\n');
            }
            md.append("\nGatling report: `").append(step.gatlingReport()).append("`\n");
        }

        cpu(md, summary);

        md.append("\n## Invariants\n\n| # | invariant | result | detail |\n|---|---|---|---|\n");
        for (InvariantResult invariant : summary.invariants()) {
            md.append("| %d | %s | %s | %s |\n"
                    .formatted(
                            invariant.number(),
                            invariant.statement(),
                            invariant.status(),
                            invariant.detail().replace("|", "/")));
            invariant.violations().forEach(violation -> md.append("|  |  |  | ")
                    .append(violation.replace("|", "/"))
                    .append(" |\n"));
        }
        return md.toString();
    }

    /**
     * One table for a run; for the saturation mode one table with a column per step (CPU per order
     * and share of the cores), the step's CPU seconds being in summary.json.
     */
    private static void cpu(StringBuilder md, Summary summary) {
        md.append("\n## CPU\n\n");
        var measured = summary.steps().stream()
                .map(StepResult::cpu)
                .filter(CpuUse::measured)
                .toList();
        if (measured.isEmpty()) {
            String why = summary.steps().isEmpty()
                    ? "not measured"
                    : summary.steps().getFirst().cpu().note();
            md.append("CPU per order: ").append(why).append(".\n");
            return;
        }
        CpuUse first = measured.getFirst();
        md.append("User + system time of each process of the stack and of the children it waited for")
                .append(" (`/proc/<pid>/stat`; PostgreSQL with all its backends, Elasticsearch with its launcher),")
                .append(" from the start of the load to the end of the drain, idle consumption included;")
                .append(" the share is of the machine's %d cores over that window's wall time.\n\n"
                        .formatted(first.processors()));
        if (summary.saturation() == null) {
            StepResult step = summary.steps().getFirst();
            CpuUse cpu = step.cpu();
            md.append("%s orders/s: %.1f s from the start of the load to the end of the drain, %,d orders accepted.\n\n"
                    .formatted(number(step.targetRate()), cpu.wallSeconds(), cpu.acceptedOrders()));
            md.append("| process | CPU (s) | share of the %d cores | CPU per accepted order (ms) |\n"
                    .formatted(cpu.processors()));
            md.append("|---|---:|---:|---:|\n");
            for (CpuUse.Row row : rows(cpu)) {
                md.append("| %s | %.1f | %.1f %% | %.1f |\n"
                        .formatted(bold(row.name()), row.cpuSeconds(), row.coreShare() * 100, row.msPerOrder()));
            }
        } else {
            md.append("CPU per accepted order in ms (share of the cores):\n\n| process |");
            summary.steps().forEach(step -> md.append(" %s orders/s |".formatted(number(step.targetRate()))));
            md.append("\n|---|");
            summary.steps().forEach(step -> md.append("---:|"));
            md.append('\n');
            var names = new LinkedHashSet<String>();
            summary.steps().forEach(step -> rows(step.cpu()).forEach(row -> names.add(row.name())));
            for (String name : names) {
                md.append("| ").append(bold(name)).append(" |");
                for (StepResult step : summary.steps()) {
                    var row = rows(step.cpu()).stream()
                            .filter(candidate -> candidate.name().equals(name))
                            .findFirst();
                    md.append(
                            row.map(found -> " %.1f (%.0f %%) |".formatted(found.msPerOrder(), found.coreShare() * 100))
                                    .orElse(" - |"));
                }
                md.append('\n');
            }
            md.append("| window (s) / orders accepted |");
            summary.steps()
                    .forEach(step -> md.append(
                            step.cpu().measured()
                                    ? " %.1f / %,d |"
                                            .formatted(
                                                    step.cpu().wallSeconds(),
                                                    step.cpu().acceptedOrders())
                                    : " - |"));
            md.append('\n');
        }
        summary.steps().stream()
                .filter(step -> !step.cpu().note().isEmpty())
                .forEach(step -> md.append("\nAt %s orders/s: %s.\n"
                        .formatted(number(step.targetRate()), step.cpu().note())));
    }

    /** The stack's processes, its total, the load generator and the total with it; none when not measured. */
    private static List<CpuUse.Row> rows(CpuUse cpu) {
        if (!cpu.measured()) {
            return List.of();
        }
        var rows = new ArrayList<>(cpu.processes());
        rows.add(cpu.stackTotal());
        rows.add(cpu.loadGenerator());
        rows.add(cpu.total());
        return rows;
    }

    private static String bold(String name) {
        return name.equals(CpuUse.STACK_TOTAL) || name.equals(CpuUse.TOTAL) ? "**" + name + "**" : name;
    }

    private static void outcomes(StringBuilder md, StepResult step) {
        OutcomeTally outcomes = step.outcomes();
        md.append("\n### Outcomes at %s orders/s\n\n".formatted(number(step.targetRate())));
        md.append("| built for | accepted | ended as built for | cancel lost the race (409, CONFIRMED) |\n");
        md.append("|---|---:|---:|---:|\n");
        for (OutcomeTally.Row row : outcomes.rows()) {
            md.append("| %s | %,d | %,d | %,d |\n"
                    .formatted(row.outcome(), row.intended(), row.asIntended(), row.lostRace()));
        }
        md.append("\nFinal states: ");
        md.append(String.join(
                ", ",
                outcomes.finalStates().entrySet().stream()
                        .map(entry -> entry.getKey() + " %,d".formatted(entry.getValue()))
                        .toList()));
        md.append(". Ended other than built for: %,d.\n".formatted(outcomes.mismatches()));
        outcomes.mismatchExamples()
                .forEach(example -> md.append("- ").append(example).append('\n'));
    }

    private static void line(StringBuilder md, String label, String value) {
        md.append("- **").append(label).append(":** ").append(value).append('\n');
    }

    private static String four(Percentiles p) {
        return p.count() == 0
                ? "-"
                : "%d / %d / %d / %d".formatted(p.p50Millis(), p.p95Millis(), p.p99Millis(), p.maxMillis());
    }

    private static String three(Percentiles p) {
        return p.count() == 0 ? "-" : "%d / %d / %d".formatted(p.p50Millis(), p.p99Millis(), p.maxMillis());
    }

    private static String number(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
