package io.ordersaga.loadtest.report;

import io.ordersaga.loadtest.run.EmailDelivery;
import io.ordersaga.loadtest.run.InvariantResult;
import io.ordersaga.loadtest.run.OutcomeTally;
import io.ordersaga.loadtest.run.Percentiles;
import io.ordersaga.loadtest.run.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;
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
                "Machine speed",
                ("one thread sorting %,d boxed longs took %.1f ms before the load and %.1f ms after; a loopback"
                                + " TCP round trip %.1f µs before and %.1f µs after (each the fastest of ten; the"
                                + " same build costs more per order when these are slower)")
                        .formatted(
                                MachineSpeed.LONGS,
                                summary.speed().before().sortMillis(),
                                summary.speed().after().sortMillis(),
                                summary.speed().before().roundTripMicros(),
                                summary.speed().after().roundTripMicros()));
        line(
                md,
                "Target",
                summary.orderServiceUrl()
                        + (summary.services().isEmpty()
                                ? " (by URL only)"
                                : "; stack of " + String.join(", ", summary.services())
                                        + (summary.topicPartitions() == null
                                                ? ""
                                                : ", %d partitions per topic".formatted(summary.topicPartitions()))
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
        if (summary.warmup() != null) {
            warmup(md, summary.warmup());
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
            emails(md, step);
            if (step.sagaByMinute().size() > 1) {
                md.append("\nSaga latency per minute of the run (p50 / p95 / p99 / max, ms): ")
                        .append(byMinute(step.sagaByMinute(), SummaryFiles::four, "; "))
                        .append('\n');
            }
            md.append("\nGatling report: `").append(step.gatlingReport()).append("`\n");
        }

        CpuSection.append(md, summary);

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

    /** One paragraph: whether the stack kept up while it warmed, minute by minute. */
    private static void warmup(StringBuilder md, StepResult warmup) {
        md.append("\n**Warm-up load** (not measured, not judged; up to %s orders/s in %d s): %,d accepted of %,d,"
                        .formatted(
                                number(warmup.targetRate()),
                                warmup.durationSeconds(),
                                warmup.http().accepted(),
                                warmup.http().attempted()))
                .append(" saga p50 / p95 / p99 / max ")
                .append(four(warmup.saga()))
                .append(" ms, ended other than built for: %,d"
                        .formatted(warmup.outcomes().mismatches()))
                .append(", drain %,d ms".formatted(warmup.drainMillis()));
        EmailDelivery emails = warmup.emails();
        if (emails.measured()) {
            md.append(
                    emails.outstanding() == 0
                            ? ", its last e-mail sent %,d ms after its last order was placed"
                                    .formatted(emails.drainMillis())
                            : ", %,d e-mails still owed %,d ms after its last order was placed"
                                    .formatted(emails.outstanding(), emails.drainMillis()));
        }
        md.append('.');
        if (warmup.sagaByMinute().size() > 1) {
            md.append(" Saga p99 per minute (ms): ")
                    .append(byMinute(
                            warmup.sagaByMinute(), p -> p.count() == 0 ? "-" : "%,d".formatted(p.p99Millis()), ", "))
                    .append('.');
        }
        md.append('\n');
    }

    /** "1: a; 2: b; ...": each minute's percentiles as {@code format} writes them. */
    private static String byMinute(List<Percentiles> minutes, Function<Percentiles, String> format, String separator) {
        var text = new StringJoiner(separator);
        for (int minute = 0; minute < minutes.size(); minute++) {
            text.add((minute + 1) + ": " + format.apply(minutes.get(minute)));
        }
        return text.toString();
    }

    /** One paragraph: whether notification-service kept up with the step's orders. */
    private static void emails(StringBuilder md, StepResult step) {
        EmailDelivery emails = step.emails();
        if (!emails.measured()) {
            md.append("\nE-mails: ").append(emails.note()).append(".\n");
            return;
        }
        md.append("\nE-mails: %,d owed by the ended orders, %,d sent".formatted(emails.owed(), emails.sent()));
        if (emails.failed() > 0) {
            md.append(", %,d given up on".formatted(emails.failed()));
        }
        if (emails.outstanding() > 0) {
            md.append(", **%,d still owed when the wait gave up** %,d ms after the last order was placed"
                    .formatted(emails.outstanding(), emails.drainMillis()));
        } else {
            md.append("; the last %,d ms after the last order was placed (the sagas' drain: %,d ms)"
                    .formatted(emails.drainMillis(), step.drainMillis()));
        }
        md.append(". From an order's end to its e-mail's sending (p50 / p95 / p99 / max, ms): ")
                .append(four(emails.afterOrderEnd()))
                .append(".\n");
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

    static String number(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
