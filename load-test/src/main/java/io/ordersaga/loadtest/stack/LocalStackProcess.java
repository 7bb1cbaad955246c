package io.ordersaga.loadtest.stack;

import io.ordersaga.stack.StackDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local stack the load runs against: the one already running from {@code bin/stack} (found by its
 * {@code stack.properties} and live launcher), or one this class starts with the stack's own launcher
 * jar and stops again on {@link #close()}. Started, it is a separate process, like {@code bin/stack}:
 * its servers and services do not share the load generator's JVM.
 */
public final class LocalStackProcess implements AutoCloseable {

    private static final String PROPERTIES = "stack.properties";
    private static final String PID_FILE = "launcher.pid";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);

    private final Path stateDirectory;
    private final StackConnection connection;
    private final Optional<Process> started;

    private LocalStackProcess(Path stateDirectory, StackConnection connection, Optional<Process> started) {
        this.stateDirectory = stateDirectory;
        this.connection = connection;
        this.started = started;
    }

    /**
     * How to start a stack.
     *
     * @param projectRoot the reactor's root, where the services' jars are built
     * @param cliJar the local stack's launcher, {@code infra/local-stack/target/infra-local-stack-<version>-cli.jar}
     * @param stateDirectory its {@code -Dstack.state-dir}: pid file, {@code stack.properties}, logs
     * @param services the services to start
     * @param randomPorts services on free ports (a stack beside the demo, or CI)
     * @param startTimeout how long the stack may take to become healthy
     */
    public record Launch(
            Path projectRoot,
            Path cliJar,
            Path stateDirectory,
            List<String> services,
            boolean randomPorts,
            Duration startTimeout) {

        public Launch {
            services = List.copyOf(services);
        }

        /**
         * Every service of {@link StackDefinition} whose executable jar is built under {@code projectRoot}:
         * modules still being written have none, and the stack would refuse to start without it.
         */
        public static List<String> builtServices(Path projectRoot, String version) {
            return StackDefinition.serviceNames().stream()
                    .filter(service -> Files.isRegularFile(
                            projectRoot.resolve(service).resolve("target").resolve(service + "-" + version + ".jar")))
                    .toList();
        }
    }

    /** The stack running with its state in {@code stateDirectory}, if there is one. */
    public static Optional<LocalStackProcess> running(Path stateDirectory) {
        Path properties = stateDirectory.resolve(PROPERTIES);
        if (!Files.isRegularFile(properties) || !launcherAlive(stateDirectory)) {
            return Optional.empty();
        }
        return Optional.of(new LocalStackProcess(stateDirectory, StackConnection.read(properties), Optional.empty()));
    }

    /** Starts a stack and waits until it is healthy (its launcher writes {@code stack.properties}). */
    public static LocalStackProcess start(Launch launch) {
        Path state = launch.stateDirectory().toAbsolutePath();
        Path properties = state.resolve(PROPERTIES);
        Path log = state.resolve("launcher.log");
        try {
            Files.createDirectories(state);
            // Left by a launcher that was killed: it would look like the new stack being ready.
            Files.deleteIfExists(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + state, e);
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The launcher's SMTP server keeps a summary of every e-mail in memory for invariant 4 (a few
        // hundred bytes each; a 10-minute run at 167 orders/s sends about 190,000), and the last
        // thousand in full for the mailbox viewer.
        command.add("-Xmx2g");
        command.add("-Dstack.project-root=" + launch.projectRoot().toAbsolutePath());
        command.add("-Dstack.state-dir=" + state);
        command.add("-Dstack.services=" + String.join(",", launch.services()));
        command.add("-jar");
        command.add(launch.cliJar().toAbsolutePath().toString());
        command.add("start");
        if (launch.randomPorts()) {
            command.add("--random-ports");
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local stack: " + command, e);
        }
        // Ctrl-C on the load test must not leave the stack running in the background.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        Instant deadline = Instant.now().plus(launch.startTimeout());
        while (!Files.isRegularFile(properties)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the local stack did not start (exit " + process.exitValue() + "); its output: " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                stop(process);
                throw new IllegalStateException(
                        "the local stack was not healthy within " + launch.startTimeout() + "; its output: " + log);
            }
            sleep(POLL);
        }
        return new LocalStackProcess(state, StackConnection.read(properties), Optional.of(process));
    }

    public StackConnection connection() {
        return connection;
    }

    /**
     * The stack launcher's pid, from its {@code launcher.pid}: the servers and services are its
     * descendants (all but PostgreSQL's postmaster, which {@code pg_ctl} detaches).
     */
    public long launcherPid() {
        return readLauncherPid(stateDirectory)
                .orElseThrow(() -> new IllegalStateException("no launcher pid in " + stateDirectory.resolve(PID_FILE)));
    }

    /** Whether this process started the stack (and {@link #close()} stops it). */
    public boolean startedHere() {
        return started.isPresent();
    }

    /** Stops the stack if this class started it; a stack found running is left running. */
    @Override
    public void close() {
        started.ifPresent(LocalStackProcess::stop);
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        // SIGTERM: the launcher's shutdown hook stops the services, then the servers.
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean launcherAlive(Path stateDirectory) {
        return readLauncherPid(stateDirectory)
                .flatMap(ProcessHandle::of)
                .map(ProcessHandle::isAlive)
                .orElse(false);
    }

    private static Optional<Long> readLauncherPid(Path stateDirectory) {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(stateDirectory.resolve(PID_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the local stack", e);
        }
    }
}
