package io.ordersaga.loadtest.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU time the processes of the local stack have used so far, per process, from
 * {@code /proc/<pid>/stat}: user + system time of each process and of the children it waited for.
 * Two {@link Snapshot}s give the CPU of a window ({@link #use}).
 *
 * <p>The processes: the stack's launcher (which also runs the SMTP server and the mailbox viewer) and
 * its descendants, each counted under the launcher's child it descends from (Elasticsearch's launcher
 * and server are one entry); PostgreSQL's postmaster, which {@code pg_ctl} detaches from the launcher,
 * found by the port it serves, with all its backends; and this JVM, the load generator.
 * A backend's time reaches the postmaster's children time only when it ends, so summing the live
 * processes' own and children time counts every backend once, the ended ones included.
 */
public final class StackCpu {

    private static final Logger log = LoggerFactory.getLogger(StackCpu.class);

    public static final String LAUNCHER = "launcher (SMTP, mailbox viewer)";
    public static final String LOAD_GENERATOR = "load generator (Gatling)";

    /** The Linux default; used, and said, when {@code getconf CLK_TCK} does not answer. */
    private static final long DEFAULT_TICKS_PER_SECOND = 100;

    /** A process and the CPU seconds it used: so far in a snapshot, over a window in a difference. */
    public record ProcessCpu(String name, double cpuSeconds) {}

    /**
     * @param nanoTime {@link System#nanoTime()} when it was taken
     * @param processes the CPU each process has used since it started
     */
    public record Snapshot(long nanoTime, List<ProcessCpu> processes) {

        public Snapshot {
            processes = List.copyOf(processes);
        }
    }

    private final long launcherPid;
    private final List<Integer> postgresPorts;
    private final long ticksPerSecond;
    private final String tickNote;

    private StackCpu(long launcherPid, List<Integer> postgresPorts, long ticksPerSecond, String tickNote) {
        this.launcherPid = launcherPid;
        this.postgresPorts = List.copyOf(postgresPorts);
        this.ticksPerSecond = ticksPerSecond;
        this.tickNote = tickNote;
    }

    /**
     * @param launcherPid the stack launcher's pid ({@code <state dir>/launcher.pid})
     * @param postgresPorts the ports of the stack's PostgreSQL servers ({@code postgres.ports} in {@code
     *     stack.properties}), counted together as one process
     */
    public static StackCpu of(long launcherPid, List<Integer> postgresPorts) {
        var ticks = clockTicksPerSecond();
        return ticks.isPresent()
                ? new StackCpu(launcherPid, postgresPorts, ticks.getAsInt(), "")
                : new StackCpu(
                        launcherPid,
                        postgresPorts,
                        DEFAULT_TICKS_PER_SECOND,
                        "getconf CLK_TCK did not answer: %d clock ticks per second assumed"
                                .formatted(DEFAULT_TICKS_PER_SECOND));
    }

    public Snapshot snapshot() {
        long now = System.nanoTime();
        var ticks = new LinkedHashMap<String, Long>();
        ProcStat.read(launcherPid).ifPresent(launcher -> ticks.put(LAUNCHER, launcher.totalTicks()));
        Map<Long, ProcStat> tree = descendants(launcherPid);
        var names = new HashMap<Long, String>();
        for (ProcStat process : tree.values()) {
            topOf(process, tree)
                    .ifPresent(top -> ticks.merge(
                            names.computeIfAbsent(top, pid -> name(tree.get(pid))), process.totalTicks(), Long::sum));
        }
        if (!ticks.containsKey(ProcessNames.POSTGRESQL)) {
            postmasters()
                    .forEach(postmaster -> ticks.merge(
                            ProcessNames.POSTGRESQL,
                            postmaster.totalTicks()
                                    + descendants(postmaster.pid()).values().stream()
                                            .mapToLong(ProcStat::totalTicks)
                                            .sum(),
                            Long::sum));
        }
        ProcStat.read(ProcessHandle.current().pid()).ifPresent(self -> ticks.put(LOAD_GENERATOR, self.totalTicks()));
        return new Snapshot(
                now,
                ticks.entrySet().stream()
                        .map(entry -> new ProcessCpu(entry.getKey(), entry.getValue() / (double) ticksPerSecond))
                        .toList());
    }

    /**
     * The CPU each process used between {@code before} and {@code after}. A process in only one of
     * them (started or ended within the window) is left out, and the note says so.
     */
    public CpuUse use(Snapshot before, Snapshot after, long acceptedOrders) {
        var earlier = new LinkedHashMap<String, Double>();
        before.processes().forEach(process -> earlier.put(process.name(), process.cpuSeconds()));
        var used = new ArrayList<ProcessCpu>();
        var partial = new ArrayList<String>();
        for (ProcessCpu process : after.processes()) {
            Double start = earlier.remove(process.name());
            if (start == null) {
                partial.add(process.name());
            } else {
                // Whole ticks again: the difference of two tick counts, without the doubles' noise.
                long ticks = Math.round((process.cpuSeconds() - start) * ticksPerSecond);
                used.add(new ProcessCpu(process.name(), ticks / (double) ticksPerSecond));
            }
        }
        partial.addAll(earlier.keySet());
        var notes = new ArrayList<String>();
        if (!tickNote.isEmpty()) {
            notes.add(tickNote);
        }
        if (!partial.isEmpty()) {
            notes.add("not counted, not running for the whole window: " + String.join(", ", partial));
        }
        return CpuUse.of(
                used,
                (after.nanoTime() - before.nanoTime()) / 1e9,
                Runtime.getRuntime().availableProcessors(),
                acceptedOrders,
                String.join("; ", notes));
    }

    /** The launcher's child {@code process} descends from; empty for one reparented since the listing. */
    private Optional<Long> topOf(ProcStat process, Map<Long, ProcStat> tree) {
        ProcStat current = process;
        while (current.parentPid() != launcherPid) {
            current = tree.get(current.parentPid());
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current.pid());
    }

    /**
     * The postmasters serving {@code postgresPorts}: {@code postgres} processes started with {@code -p
     * <port>}, one per port.
     */
    private List<ProcStat> postmasters() {
        if (postgresPorts.isEmpty()) {
            return List.of();
        }
        var ports = postgresPorts.stream().map(Object::toString).collect(Collectors.toSet());
        return ProcessHandle.allProcesses()
                .map(process -> ProcStat.read(process.pid()))
                .flatMap(Optional::stream)
                .filter(process -> process.command().equals("postgres"))
                .filter(process -> {
                    List<String> commandLine = commandLine(process.pid());
                    int option = commandLine.indexOf("-p");
                    return option >= 0
                            && option + 1 < commandLine.size()
                            && ports.contains(commandLine.get(option + 1));
                })
                .toList();
    }

    private static Map<Long, ProcStat> descendants(long pid) {
        var stats = new HashMap<Long, ProcStat>();
        ProcessHandle.of(pid).ifPresent(root -> root.descendants()
                .forEach(process -> ProcStat.read(process.pid()).ifPresent(stat -> stats.put(stat.pid(), stat))));
        return stats;
    }

    private static String name(ProcStat process) {
        return ProcessNames.of(commandLine(process.pid()), process.command());
    }

    /** {@code /proc/<pid>/cmdline}: the arguments, NUL-separated; empty when the process is gone. */
    static List<String> commandLine(long pid) {
        try {
            String raw = new String(
                    Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return Arrays.stream(raw.split("\0"))
                    .filter(argument -> !argument.isEmpty())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static OptionalInt clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return OptionalInt.of(Integer.parseInt(answer));
            }
            log.warn(
                    "getconf CLK_TCK answered '{}': assuming {} clock ticks per second",
                    answer,
                    DEFAULT_TICKS_PER_SECOND);
        } catch (IOException | NumberFormatException e) {
            log.warn("getconf CLK_TCK failed ({}): assuming {} clock ticks per second", e, DEFAULT_TICKS_PER_SECOND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.empty();
    }
}
