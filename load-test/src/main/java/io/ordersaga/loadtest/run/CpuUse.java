package io.ordersaga.loadtest.run;

import io.ordersaga.loadtest.run.StackCpu.ProcessCpu;
import java.util.Comparator;
import java.util.List;

/**
 * The CPU each process of the local stack used over one step, from the start of the load until its
 * orders had ended and the e-mails they are owed were sent ({@link StackCpu}, {@link LoadRun}), and
 * what that costs per accepted order.
 *
 * @param measured false when the stack is not local: then only {@code note} says why
 * @param note how it was measured, or why it was not
 * @param wallSeconds the window's wall-clock time
 * @param processors the cores the machine offers (the share's denominator with the wall time)
 * @param acceptedOrders the step's accepted orders (the per-order figures' denominator)
 * @param processes the stack's processes, the most CPU first
 * @param stackTotal the stack's processes together
 * @param loadGenerator this JVM, which runs Gatling (and the drain's and invariants' queries)
 * @param total the stack and the load generator
 */
public record CpuUse(
        boolean measured,
        String note,
        double wallSeconds,
        int processors,
        long acceptedOrders,
        List<Row> processes,
        Row stackTotal,
        Row loadGenerator,
        Row total) {

    public static final String STACK_TOTAL = "stack total";
    public static final String TOTAL = "total, with the load generator";

    /**
     * @param cpuSeconds user + system time
     * @param coreShare {@code cpuSeconds / (wallSeconds × processors)}: 1 is every core busy all the window
     * @param msPerOrder CPU milliseconds per accepted order; 0 when none was accepted
     */
    public record Row(String name, double cpuSeconds, double coreShare, double msPerOrder) {}

    public CpuUse {
        processes = List.copyOf(processes);
    }

    public static CpuUse notMeasured(String reason) {
        return new CpuUse(
                false,
                "not measured (" + reason + ")",
                0,
                0,
                0,
                List.of(),
                new Row(STACK_TOTAL, 0, 0, 0),
                new Row(StackCpu.LOAD_GENERATOR, 0, 0, 0),
                new Row(TOTAL, 0, 0, 0));
    }

    /** The rows of {@code used}, a process's CPU seconds over a window of {@code wallSeconds}. */
    static CpuUse of(List<ProcessCpu> used, double wallSeconds, int processors, long acceptedOrders, String note) {
        var stack = used.stream()
                .filter(process -> !process.name().equals(StackCpu.LOAD_GENERATOR))
                .sorted(Comparator.comparingDouble(ProcessCpu::cpuSeconds).reversed())
                .toList();
        double stackSeconds = stack.stream().mapToDouble(ProcessCpu::cpuSeconds).sum();
        double generatorSeconds = used.stream()
                .filter(process -> process.name().equals(StackCpu.LOAD_GENERATOR))
                .mapToDouble(ProcessCpu::cpuSeconds)
                .sum();
        return new CpuUse(
                true,
                note,
                wallSeconds,
                processors,
                acceptedOrders,
                stack.stream()
                        .map(process ->
                                row(process.name(), process.cpuSeconds(), wallSeconds, processors, acceptedOrders))
                        .toList(),
                row(STACK_TOTAL, stackSeconds, wallSeconds, processors, acceptedOrders),
                row(StackCpu.LOAD_GENERATOR, generatorSeconds, wallSeconds, processors, acceptedOrders),
                row(TOTAL, stackSeconds + generatorSeconds, wallSeconds, processors, acceptedOrders));
    }

    private static Row row(String name, double cpuSeconds, double wallSeconds, int processors, long acceptedOrders) {
        return new Row(
                name,
                cpuSeconds,
                wallSeconds > 0 ? cpuSeconds / (wallSeconds * processors) : 0,
                acceptedOrders > 0 ? cpuSeconds * 1000 / acceptedOrders : 0);
    }
}
