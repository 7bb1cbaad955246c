package io.ordersaga.loadtest.report;

import static io.ordersaga.loadtest.report.SummaryFiles.number;

import io.ordersaga.loadtest.run.CpuUse;
import io.ordersaga.loadtest.run.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The "CPU" section of summary.md: for a run one table (CPU seconds, share of the cores, CPU per
 * accepted order per process); for the saturation mode one table with a column per step.
 */
final class CpuSection {

    private CpuSection() {}

    static void append(StringBuilder md, Summary summary) {
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
        md.append("User + system time of each process of the stack and of the children it waited for")
                .append(" (`/proc/<pid>/stat`; PostgreSQL with all its backends, Elasticsearch with its launcher),")
                .append(" from the start of the load ")
                .append(window(summary.steps().getFirst()))
                .append(", idle consumption included;")
                .append(" the share is of the machine's %d cores over that window's wall time.\n\n"
                        .formatted(measured.getFirst().processors()));
        if (summary.saturation() == null) {
            run(md, summary.steps().getFirst());
        } else {
            byStep(md, summary.steps());
        }
        summary.steps().stream()
                .filter(step -> !step.cpu().note().isEmpty())
                .forEach(step -> md.append("\nAt %s orders/s: %s.\n"
                        .formatted(number(step.targetRate()), step.cpu().note())));
    }

    /** Where the window ends: after the e-mails when they were waited for, else at the end of the drain. */
    private static String window(StepResult step) {
        return step.emails().measured()
                ? "until every order had ended and every e-mail owed was sent (or the wait for them gave up)"
                : "to the end of the drain";
    }

    private static void run(StringBuilder md, StepResult step) {
        CpuUse cpu = step.cpu();
        md.append("%s orders/s: %.1f s from the start of the load %s, %,d orders accepted.\n\n"
                .formatted(number(step.targetRate()), cpu.wallSeconds(), window(step), cpu.acceptedOrders()));
        md.append("| process | CPU (s) | share of the %d cores | CPU per accepted order (ms) |\n"
                .formatted(cpu.processors()));
        md.append("|---|---:|---:|---:|\n");
        for (CpuUse.Row row : rows(cpu)) {
            md.append("| %s | %.1f | %.1f %% | %.1f |\n"
                    .formatted(bold(row.name()), row.cpuSeconds(), row.coreShare() * 100, row.msPerOrder()));
        }
    }

    /** A column per step: CPU per order and share of the cores (the CPU seconds are in summary.json). */
    private static void byStep(StringBuilder md, List<StepResult> steps) {
        md.append("CPU per accepted order in ms (share of the cores):\n\n| process |");
        steps.forEach(step -> md.append(" %s orders/s |".formatted(number(step.targetRate()))));
        md.append("\n|---|");
        steps.forEach(step -> md.append("---:|"));
        md.append('\n');
        var names = new LinkedHashSet<String>();
        steps.forEach(step -> rows(step.cpu()).forEach(row -> names.add(row.name())));
        for (String name : names) {
            md.append("| ").append(bold(name)).append(" |");
            for (StepResult step : steps) {
                md.append(rows(step.cpu()).stream()
                        .filter(row -> row.name().equals(name))
                        .findFirst()
                        .map(row -> " %.1f (%.0f %%) |".formatted(row.msPerOrder(), row.coreShare() * 100))
                        .orElse(" - |"));
            }
            md.append('\n');
        }
        md.append("| window (s) / orders accepted |");
        for (StepResult step : steps) {
            CpuUse cpu = step.cpu();
            md.append(cpu.measured() ? " %.1f / %,d |".formatted(cpu.wallSeconds(), cpu.acceptedOrders()) : " - |");
        }
        md.append('\n');
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
}
