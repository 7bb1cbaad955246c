package io.ordersaga.infra.harness.cli;

import io.ordersaga.infra.harness.HarnessSettings;
import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.ManagedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts the real servers for the demo and keeps them up until Ctrl-C (or SIGTERM), then stops them.
 *
 * <pre>
 * java -jar infra/harness/target/infra-harness-*-cli.jar start [postgres|kafka|schema-registry|elasticsearch|smtp ...]
 *     [--properties-file FILE]
 * java -jar infra/harness/target/infra-harness-*-cli.jar reap
 * </pre>
 *
 * {@code start} with no server names starts them all; {@code --properties-file} writes the
 * connection settings as Spring Boot properties for the services. {@code reap} only cleans up what
 * killed runs left behind (every start does that too).
 */
public final class HarnessCli {

    private static final Map<String, Function<Infrastructure, ManagedServer>> SERVERS = Map.of(
            "postgres", Infrastructure::postgres,
            "kafka", Infrastructure::kafka,
            "schema-registry", Infrastructure::schemaRegistry,
            "elasticsearch", Infrastructure::elasticsearch,
            "smtp", Infrastructure::smtp);

    private HarnessCli() {}

    public static void main(String[] args) throws Exception {
        // The CLI prints its own report; the library's log lines would need a logging backend.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        if (args.length == 0 || !(args[0].equals("start") || args[0].equals("reap"))) {
            System.err.println("usage: harness start [" + String.join("|", SERVERS.keySet())
                    + " ...] [--properties-file FILE] | harness reap");
            System.exit(2);
        }
        if (args[0].equals("reap")) {
            // Creating a run reaps the stale ones; closing it removes the new, empty run again.
            Infrastructure.create(HarnessSettings.fromEnvironment()).close();
            return;
        }
        Path propertiesFile = null;
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--properties-file") && i + 1 < args.length) {
                propertiesFile = Path.of(args[++i]);
            } else if (SERVERS.containsKey(args[i])) {
                names.add(args[i]);
            } else {
                System.err.println("unknown argument: " + args[i]);
                System.exit(2);
            }
        }

        var infrastructure = Infrastructure.create(HarnessSettings.fromEnvironment());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the servers...");
            infrastructure.close();
            stopped.countDown();
        }));
        long started = System.nanoTime();
        try {
            if (names.isEmpty()) {
                infrastructure.startAll();
            } else {
                names.forEach(name -> SERVERS.get(name).apply(infrastructure));
            }
        } catch (RuntimeException e) {
            System.err.println("The stack did not start: " + e.getMessage());
            System.exit(1);
        }
        printTable(infrastructure, (System.nanoTime() - started) / 1_000_000);
        if (propertiesFile != null) {
            writeProperties(infrastructure, propertiesFile);
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static void printTable(Infrastructure infrastructure, long millis) {
        System.out.printf(
                "%nHarness up in %d ms (run directory %s)%n",
                millis, infrastructure.runDirectory().path());
        var startupTimes = infrastructure.startupTimes();
        for (ManagedServer server : infrastructure.servers()) {
            System.out.printf(
                    "  %-16s %6d ms  %s%n",
                    server.name(), startupTimes.get(server.name()).toMillis(), server.endpoint());
        }
    }

    private static void writeProperties(Infrastructure infrastructure, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String content = infrastructure.springProperties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, content);
        System.out.println("Connection properties written to " + file.toAbsolutePath());
    }
}
