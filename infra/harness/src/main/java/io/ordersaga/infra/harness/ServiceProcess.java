package io.ordersaga.infra.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the project's Spring Boot services running as its own JVM from its executable jar, on a
 * free port of loopback, against the harness's servers. The end-to-end tests and the local stack
 * start the services this way: each is a separate process, as in production, so it can be stopped
 * and started again while the others keep running.
 *
 * <p>Like the servers, the JVM is forked through {@link ChildProcess} (it dies with the JVM that
 * started it) and registered in the {@link RunDirectory}; its command line names the run directory,
 * so {@link StaleRunReaper} stops it if that JVM is killed before it could.
 */
public final class ServiceProcess implements ManagedServer {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> properties;
    private final RunDirectory run;
    private final Duration startupTimeout;
    private final Duration stopGrace;
    private final Path logFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ChildProcess process;

    private ServiceProcess(Builder builder, RunDirectory run) {
        this.name = builder.name;
        this.jar = builder.jar;
        this.port = builder.port > 0 ? builder.port : Ports.freePort();
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.properties = Map.copyOf(builder.properties);
        this.run = run;
        this.startupTimeout = builder.startupTimeout;
        this.stopGrace = builder.stopGrace;
        this.logFile =
                builder.logFile != null ? builder.logFile : run.directory(name).resolve(name + ".log");
    }

    /** A service named {@code name} (e.g. "order-service") run from the executable {@code jar}. */
    public static Builder builder(String name, Path jar) {
        return new Builder(name, jar);
    }

    /**
     * Starts the JVM and waits until {@code /actuator/health} answers UP; fails with the log's tail
     * when the process exits or is not healthy in time. Starting a running service does nothing.
     */
    public synchronized ServiceProcess start() {
        if (isRunning()) {
            return this;
        }
        long begin = System.nanoTime();
        Path dir = run.directory(name);
        Path tmp = run.directory(name + "/tmp");
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:-UsePerfData");
        // Names the run directory on the command line: what the reaper checks before killing.
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        process = ChildProcess.start(name, command, List.of(), Map.of(), dir, logFile, run);
        try {
            process.awaitReady(startupTimeout, this::healthy);
        } catch (RuntimeException e) {
            process.stop(stopGrace);
            throw e;
        }
        log.info(
                "{} started on {} in {} ms (pid {})",
                name,
                baseUrl(),
                (System.nanoTime() - begin) / 1_000_000,
                process.pid());
        return this;
    }

    /**
     * Stops the JVM (SIGTERM: a graceful shutdown, then SIGKILL after the {@linkplain Builder#stopGrace
     * grace period}); idempotent.
     */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.stop(stopGrace);
            log.info("{} stopped", name);
        }
    }

    /** Stops the service and starts it again on the same port with the same settings. */
    public synchronized ServiceProcess restart() {
        stop();
        return start();
    }

    private boolean healthy() throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The process id of the running JVM; -1 when it is not running. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the service's log, for a failure message. */
    public String logTail(int lines) {
        return ChildProcess.logTail(logFile(), lines);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String endpoint() {
        return baseUrl();
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** What a service is started with; every {@code property} becomes a {@code --key=value} argument. */
    public static final class Builder {

        private final String name;
        private final Path jar;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Duration stopGrace = DEFAULT_STOP_GRACE;
        private int port;
        private Path logFile;

        private Builder(String name, Path jar) {
            if (!name.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("not a plain service name: " + name);
            }
            this.name = name;
            this.jar = jar.toAbsolutePath();
        }

        /** E.g. {@code -Xmx320m}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        /** A fixed port instead of a free one. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /**
         * Where the service's output goes instead of its directory in the run (which is deleted when
         * the harness stops): for a stack whose logs should outlive it.
         */
        public Builder logFile(Path value) {
            logFile = value.toAbsolutePath();
            return this;
        }

        public Builder startupTimeout(Duration value) {
            startupTimeout = value;
            return this;
        }

        /**
         * How long {@link #stop()} waits after SIGTERM before it kills the JVM (20 s unless set): longer
         * for a JVM with work to do at exit, such as writing an AOT cache.
         */
        public Builder stopGrace(Duration value) {
            stopGrace = value;
            return this;
        }

        /** Starts the service against {@code infrastructure}: {@link Infrastructure#startService}. */
        public ServiceProcess start(Infrastructure infrastructure) {
            return infrastructure.startService(this);
        }

        ServiceProcess build(RunDirectory run) {
            if (!Files.isRegularFile(jar)) {
                throw new ServerStartException("%s: no executable jar at %s (build it first: ./mvnw package -pl %s)"
                        .formatted(name, jar, name));
            }
            return new ServiceProcess(this, run);
        }
    }
}
