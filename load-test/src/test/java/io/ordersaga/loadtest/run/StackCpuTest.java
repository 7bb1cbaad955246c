package io.ordersaga.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.ordersaga.loadtest.run.StackCpu.ProcessCpu;
import io.ordersaga.loadtest.run.StackCpu.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real process trees standing in for the stack: shell processes, named by copies of {@code sh}, that
 * start a child burning an exact number of CPU seconds ({@code ulimit -t} has the kernel kill it then).
 */
@EnabledOnOs(OS.LINUX)
class StackCpuTest {

    /** On a loaded machine one CPU second can take many wall seconds. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopTheProcesses() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void countsADescendantsCpuUnderTheLaunchersChildItRunsUnderWhileItRunsAndOnceAfterItEnded() throws Exception {
        Path go = fifo("go");
        Path done = directory.resolve("done");
        // launcher → backend-host → burner: backend-host waits for its burner, as a postmaster does.
        String host = "read line < %s; %s; touch %s; sleep 600; :".formatted(go, burn(3), done);
        Process launcher = start("launcher", "%s -c '%s'; :".formatted(shellNamed("backend-host"), host));
        await().atMost(PATIENCE).until(() -> launcher.descendants().findAny().isPresent());
        var cpu = StackCpu.of(launcher.pid(), List.of());

        Snapshot before = cpu.snapshot();
        Files.writeString(go, "go\n");
        // The burner is backend-host's subshell (a fork keeps the name): stopped while it runs, it is live.
        long burner = await().atMost(PATIENCE)
                .until(
                        () -> launcher.descendants()
                                .map(process -> ProcStat.read(process.pid()))
                                .flatMap(java.util.Optional::stream)
                                .filter(stat ->
                                        stat.command().equals("backend-host") && stat.parentPid() != launcher.pid())
                                .filter(stat -> stat.userTicks() + stat.systemTicks() > 0)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow()
                .pid();
        await().atMost(PATIENCE)
                .until(() -> seconds(cpu.snapshot(), "backend-host") >= seconds(before, "backend-host") + 0.3);
        signal("STOP", burner);
        Snapshot running = cpu.snapshot();
        assertThat(ProcStat.read(burner))
                .as("the burner, stopped, is still there")
                .isPresent();
        signal("CONT", burner);
        await().atMost(PATIENCE).until(() -> Files.exists(done));
        Snapshot after = cpu.snapshot();
        CpuUse use = cpu.use(before, after, 10);

        assertThat(seconds(running, "backend-host") - seconds(before, "backend-host"))
                .as("the live burner's CPU")
                .isBetween(0.3, 2.9);
        // Once: while it ran from its own times, after it ended from backend-host's children times.
        assertThat(row(use, "backend-host").cpuSeconds()).isBetween(2.95, 3.4);
        assertThat(row(use, "backend-host").msPerOrder())
                .isCloseTo(row(use, "backend-host").cpuSeconds() * 100, within(1e-9));
        assertThat(row(use, StackCpu.LAUNCHER).cpuSeconds()).isBetween(0.0, 0.1);
        assertThat(use.processes()).extracting(CpuUse.Row::name).containsExactly("backend-host", StackCpu.LAUNCHER);
        assertThat(use.loadGenerator().cpuSeconds()).isNotNegative();
        assertThat(use.stackTotal().cpuSeconds())
                .isCloseTo(
                        row(use, "backend-host").cpuSeconds()
                                + row(use, StackCpu.LAUNCHER).cpuSeconds(),
                        within(1e-9));
        assertThat(use.wallSeconds()).isPositive();
        assertThat(use.note()).isEmpty();
    }

    @Test
    void countsEveryPostgresqlServerFoundByItsPortOutsideTheLaunchersTreeWithEveryBackendAsOne() throws Exception {
        Process launcher = start("launcher", "sleep 600; :");
        List<Path> go = List.of(fifo("go-1"), fifo("go-2"));
        // Not real ports: no real postmaster can match them.
        int port = 70_000 + (int) (ProcessHandle.current().pid() % 10_000);
        // Two "postmasters" (comm postgres, started with -p <port>), as the local stack runs one per
        // database, each with a "backend" that ends within the window.
        List<Path> done = List.of(directory.resolve("done-1"), directory.resolve("done-2"));
        for (int i = 0; i < 2; i++) {
            String postmasterScript =
                    "read line < %s; %s; touch %s; sleep 600; :".formatted(go.get(i), burn(1), done.get(i));
            Process postmaster = started(new ProcessBuilder(
                            shellNamed("postgres"),
                            "-c",
                            postmasterScript,
                            "postgres",
                            "-p",
                            Integer.toString(port + i))
                    .start());
            await().atMost(PATIENCE).until(() -> ProcStat.read(postmaster.pid()).isPresent());
        }
        var cpu = StackCpu.of(launcher.pid(), List.of(port, port + 1));

        Snapshot before = cpu.snapshot();
        for (Path fifo : go) {
            Files.writeString(fifo, "go\n");
        }
        await().atMost(PATIENCE).until(() -> done.stream().allMatch(Files::exists));
        Snapshot after = cpu.snapshot();
        CpuUse use = cpu.use(before, after, 1);

        assertThat(use.processes().getFirst().name()).isEqualTo(ProcessNames.POSTGRESQL);
        assertThat(row(use, ProcessNames.POSTGRESQL).cpuSeconds())
                .as("both servers' backends, one CPU second each")
                .isBetween(1.95, 2.5);
        assertThat(StackCpu.of(launcher.pid(), List.of(port + 2)).snapshot().processes())
                .extracting(ProcessCpu::name)
                .doesNotContain(ProcessNames.POSTGRESQL);
    }

    @Test
    void aProcessThatEndedWithinTheWindowIsLeftOutAndSaidSo() throws Exception {
        Path go = fifo("go");
        Process launcher =
                start("launcher", "%s -c 'read line < %s'; sleep 600; :".formatted(shellNamed("short-lived"), go));
        await().atMost(PATIENCE).until(() -> launcher.descendants().findAny().isPresent());
        var cpu = StackCpu.of(launcher.pid(), List.of());

        Snapshot before = cpu.snapshot();
        Files.writeString(go, "go\n");
        // sleep starts once short-lived has ended.
        await().atMost(PATIENCE).until(() -> launcher.descendants().anyMatch(process -> ProcStat.read(process.pid())
                .map(stat -> stat.command().equals("sleep"))
                .orElse(false)));
        CpuUse use = cpu.use(before, cpu.snapshot(), 1);

        assertThat(use.processes()).extracting(CpuUse.Row::name).doesNotContain("short-lived");
        assertThat(use.note()).contains("not running for the whole window", "short-lived", "sleep");
    }

    /** A subshell limited to {@code seconds} of CPU, spinning until the kernel kills it. */
    private static String burn(int seconds) {
        return "(ulimit -c 0; ulimit -t %d; while :; do :; done)".formatted(seconds);
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                        .start()
                        .waitFor())
                .as("kill -%s %d", signal, pid)
                .isZero();
    }

    private Process start(String name, String script) throws IOException {
        return started(new ProcessBuilder(shellNamed(name), "-c", script)
                .directory(directory.toFile())
                .start());
    }

    private Process started(Process process) {
        started.add(process);
        return process;
    }

    /** A copy of {@code sh} named {@code name}: the kernel and the command line name the process so. */
    private String shellNamed(String name) throws IOException {
        Path copy = directory.resolve(name);
        if (!Files.exists(copy)) {
            Files.copy(Path.of("/bin/sh"), copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return copy.toString();
    }

    /** A named pipe: a shell's {@code read < fifo} blocks until the test writes to it. */
    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = directory.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        return fifo;
    }

    private static double seconds(Snapshot snapshot, String name) {
        return snapshot.processes().stream()
                .filter(process -> process.name().equals(name))
                .mapToDouble(ProcessCpu::cpuSeconds)
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + snapshot.processes()));
    }

    private static CpuUse.Row row(CpuUse use, String name) {
        return use.processes().stream()
                .filter(row -> row.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + use.processes()));
    }
}
