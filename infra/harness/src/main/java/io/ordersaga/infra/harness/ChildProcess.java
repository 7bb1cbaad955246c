package io.ordersaga.infra.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server running as a child process of this JVM, its output in a log file.
 *
 * <p>On Linux each child is started through {@code setpriv --pdeathsig TERM}, so the kernel stops
 * it when this JVM dies, even by kill -9. The parent-death signal is tied to the thread that forked
 * the child, so every child is forked from one long-lived launcher thread.
 */
final class ChildProcess {

    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "harness-process-launcher");
        thread.setDaemon(true);
        return thread;
    });
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command}; {@code privilegePrefix} (e.g. setpriv options to drop root) is merged
     * into the same setpriv call.
     */
    static ChildProcess start(
            String name,
            List<String> command,
            List<String> setprivOptions,
            Map<String, String> environment,
            Path workingDirectory,
            Path logFile,
            RunDirectory run) {
        var fullCommand = new ArrayList<String>();
        if (Files.isExecutable(SETPRIV)) {
            fullCommand.add(SETPRIV.toString());
            fullCommand.add("--pdeathsig");
            fullCommand.add("TERM");
            fullCommand.addAll(setprivOptions);
            fullCommand.add("--");
        } else if (!setprivOptions.isEmpty()) {
            throw new ServerStartException(name + " needs " + SETPRIV + " to drop privileges");
        }
        fullCommand.addAll(command);
        var builder = new ProcessBuilder(fullCommand)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = LAUNCHER.submit(builder::start).get();
            run.registerProcess(name, process.pid());
            return new ChildProcess(name, process, logFile);
        } catch (ExecutionException e) {
            throw new ServerStartException("cannot start " + name + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while starting " + name);
        }
    }

    /** Polls {@code probe} until it answers true; fails early if the process exits. */
    void awaitReady(Duration timeout, ReadinessProbe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ServerStartException("%s exited with code %d before it was ready.%n%s"
                        .formatted(name, process.exitValue(), logTail()));
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            sleep(POLL);
        }
        throw new ServerStartException("%s was not ready within %s (last probe failure: %s).%n%s"
                .formatted(name, timeout, lastFailure, logTail()));
    }

    /** For a one-shot tool run before a server: waits for it and fails unless it exits with 0. */
    void awaitSuccessfulExit(Duration timeout, Duration stopGrace) {
        if (!ProcessTree.awaitExit(process.toHandle(), timeout)) {
            stop(stopGrace);
            throw new ServerStartException("%s did not finish within %s.%n%s".formatted(name, timeout, logTail()));
        }
        int exitCode = waitForExitCode();
        if (exitCode != 0) {
            throw new ServerStartException("%s failed with exit code %d.%n%s".formatted(name, exitCode, logTail()));
        }
    }

    private int waitForExitCode() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting for " + name);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path logFile() {
        return logFile;
    }

    void stop(Duration grace) {
        ProcessTree.stop(process.toHandle(), grace);
    }

    String logTail() {
        return logTail(logFile, 40);
    }

    static String logTail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log at " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            var tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "--- last " + tail.size() + " lines of " + file + " ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "(log " + file + " unreadable: " + e + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted");
        }
    }

    @FunctionalInterface
    interface ReadinessProbe {
        boolean ready() throws Exception;
    }
}
