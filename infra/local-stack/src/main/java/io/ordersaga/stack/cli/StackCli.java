package io.ordersaga.stack.cli;

import io.ordersaga.infra.harness.HarnessSettings;
import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.ManagedServer;
import io.ordersaga.stack.AotCache;
import io.ordersaga.stack.LocalStack;
import io.ordersaga.stack.StackDefinition;
import io.ordersaga.stack.StackService;
import io.ordersaga.stack.StackSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The one command that runs the whole system without Docker ({@code bin/stack}):
 *
 * <pre>
 * java -jar infra/local-stack/target/infra-local-stack-*-cli.jar start [--random-ports] [--record-aot-cache]
 * java -jar infra/local-stack/target/infra-local-stack-*-cli.jar stop
 * </pre>
 *
 * {@code start} starts the harness's servers and the six services, waits until all are healthy,
 * prints their URLs and three curl commands, and runs until Ctrl-C or {@code stop} (SIGTERM), then
 * stops everything. {@code --random-ports} puts the services and the mailbox viewer on free ports
 * (a second stack beside the demo, or a test). {@code --record-aot-cache} (JDK 25+) has each service
 * write its {@link AotCache} under {@code <state-dir>/aot} when the stack stops; a later start uses
 * every cache that is up to date with its service's jar. {@code -Dstack.services=order-service,...} starts only
 * those services; {@code -Dstack.state-dir} moves the pid file and the logs from
 * {@code target/local-stack}.
 */
public final class StackCli {

    /** What {@code start} prints once everything is healthy; tests wait for it. */
    static final String READY = "Stack ready in";

    private static final int MAILBOX_PORT = 8025;
    private static final String RANDOM_PORTS = "--random-ports";
    private static final String RECORD_AOT_CACHE = "--record-aot-cache";
    private static final Set<String> START_OPTIONS = Set.of(RANDOM_PORTS, RECORD_AOT_CACHE);

    private StackCli() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.ordersaga", "info");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        // The harness polls Kafka until it is up; each refused connection would be a warning.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path root = projectRoot();
        Path stateDirectory = Path.of(System.getProperty(
                "stack.state-dir", root.resolve("target/local-stack").toString()));
        var state = new StackState(stateDirectory);
        if (args.length == 1 && args[0].equals("stop")) {
            System.exit(stop(state));
        }
        var options = List.of(args).subList(Math.min(1, args.length), args.length);
        if (args.length >= 1
                && args[0].equals("start")
                && START_OPTIONS.containsAll(options)
                && options.size() == Set.copyOf(options).size()) {
            start(root, stateDirectory, state, options.contains(RANDOM_PORTS), options.contains(RECORD_AOT_CACHE));
            return;
        }
        System.err.println("usage: stack start [" + RANDOM_PORTS + "] [" + RECORD_AOT_CACHE + "] | stack stop");
        System.exit(2);
    }

    private static void start(
            Path root, Path stateDirectory, StackState state, boolean randomPorts, boolean recordAotCache)
            throws Exception {
        long begin = System.nanoTime();
        var running = state.runningLauncher();
        if (running.isPresent()) {
            fail("A stack is already running (pid " + running.getAsLong() + "): stop it with bin/stack stop.");
        }
        var settings = StackSettings.demo(root, version())
                .withLogDirectory(Optional.of(stateDirectory.resolve("logs")))
                .withJvmOptionsFromSetting()
                .withPartitionsFromSetting()
                .withAotCache(new AotCache(
                        recordAotCache ? AotCache.Mode.RECORD : AotCache.Mode.USE, stateDirectory.resolve("aot")));
        String only = System.getProperty("stack.services");
        if (only != null) {
            settings = settings.withServices(List.of(only.split(",")));
        }
        if (randomPorts) {
            settings = settings.withRandomPorts();
        } else {
            checkPortsFree();
        }
        for (String service : settings.services()) {
            if (!Files.isRegularFile(settings.jarOf(service))) {
                fail("No jar for " + service + " at " + settings.jarOf(service)
                        + ": build first (bin/stack does: ./mvnw -DskipTests package).");
            }
        }

        // A PostgreSQL server per service database unless harness.postgres.server-per-database=false:
        // on one shared server each relay's logical decoding would read every database's WAL.
        var infrastructure =
                Infrastructure.create(HarnessSettings.fromEnvironment().withPostgresServerPerDatabaseByDefault(true));
        var stopped = new CountDownLatch(1);
        var viewer = new MailboxViewer[1];
        var started = new LocalStack[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the stack...");
            if (viewer[0] != null) {
                viewer[0].close();
            }
            if (started[0] != null) {
                started[0].stopServices();
            }
            infrastructure.close();
            state.clear();
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        state.record(ProcessHandle.current().pid());
        System.out.println("Starting the servers and " + settings.services().size() + " services (logs in "
                + settings.logDirectory().orElseThrow() + ")...");
        LocalStack stack;
        try {
            stack = LocalStack.start(infrastructure, settings);
            started[0] = stack;
            viewer[0] = MailboxViewer.start(infrastructure.smtp(), randomPorts ? 0 : MAILBOX_PORT);
        } catch (RuntimeException e) {
            System.err.println("The stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        state.recordConnections(connections(stack, viewer[0]));
        print(stack, viewer[0], Duration.ofNanos(System.nanoTime() - begin));
        stopped.await();
    }

    private static void print(LocalStack stack, MailboxViewer viewer, Duration took) {
        var out = System.out;
        out.printf("%nServices%n");
        stack.services()
                .forEach((name, process) -> out.printf(
                        "  %-26s %-24s API docs %s/swagger-ui.html   log %s%n",
                        name, process.baseUrl(), process.baseUrl(), process.logFile()));
        out.printf(
                "%nServers (run directory %s)%n",
                stack.infrastructure().runDirectory().path());
        for (ManagedServer server : stack.infrastructure().servers()) {
            if (StackDefinition.serviceNames().contains(server.name())) {
                continue;
            }
            out.printf("  %-26s %s%n", server.name(), server.endpoint());
        }
        out.printf("  %-26s %s%n", "mailbox viewer", viewer.url());

        var demo = new DemoCommands(stack.service("order-service").baseUrl());
        out.printf("%nTry it (bash or zsh):%n");
        out.printf("  # 1. an order that is confirmed; its id is kept in ORDER_ID%n  %s%n", demo.placeConfirmedOrder());
        out.printf(
                "  # 2. an order whose payment is declined (it ends CANCELLED, PAYMENT_DECLINED)%n  %s%n",
                demo.placeDeclinedOrder());
        out.printf(
                "  # 3. look the first order up: CONFIRMED within a second, with its tracking number%n  %s%n",
                demo.lookUpOrder());
        if (stack.services().containsKey("search-projection-service")) {
            out.printf(
                    "  # then: curl -s '%s/search/orders?q=ada@example.org'; the e-mails are at %s%n",
                    stack.service("search-projection-service").baseUrl(), viewer.url());
        }
        if (stack.settings().aotCache().mode() == AotCache.Mode.RECORD) {
            out.printf("%nRecording the services' AOT caches: run a load (e.g. bin/load-test --rate 50 --duration 3m),"
                    + " then stop the stack; each service writes its cache as it stops (a minute or two).%n");
        }
        out.printf(
                "%n%s %.1f s. Press Ctrl-C (or run bin/stack stop) to stop everything.%n",
                READY, took.toMillis() / 1000.0);
    }

    /**
     * {@code <service>.url} for each service, {@code postgres.*} (with {@code postgres.jdbc-url.<database>}
     * for each database of the stack's services and {@code postgres.ports}, every PostgreSQL server's),
     * {@code kafka.bootstrap-servers}, {@code kafka.partitions} (of every saga topic), {@code
     * schema-registry.url}, {@code elasticsearch.url}, {@code smtp.*} and {@code mailbox.url}.
     */
    private static java.util.Map<String, String> connections(LocalStack stack, MailboxViewer viewer) {
        var addresses = new java.util.LinkedHashMap<String, String>();
        stack.services().forEach((name, process) -> addresses.put(name + ".url", process.baseUrl()));
        var infrastructure = stack.infrastructure();
        var postgres = infrastructure.postgres();
        addresses.put("postgres.host", postgres.host());
        addresses.put(
                "postgres.ports",
                infrastructure.postgresServers().stream()
                        .map(server -> Integer.toString(server.port()))
                        .collect(java.util.stream.Collectors.joining(",")));
        addresses.put("postgres.username", postgres.username());
        addresses.put("postgres.password", postgres.password());
        stack.services().keySet().stream().map(StackDefinition::service).forEach(service -> service.database()
                .ifPresent(database -> addresses.put(
                        "postgres.jdbc-url." + database,
                        infrastructure.postgres(database).jdbcUrl(database))));
        addresses.put("kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
        addresses.put("kafka.partitions", Integer.toString(stack.settings().partitions()));
        addresses.put("schema-registry.url", infrastructure.schemaRegistry().apiUrl());
        if (stack.services().containsKey("search-projection-service")) {
            addresses.put("elasticsearch.url", infrastructure.elasticsearch().httpUrl());
        }
        addresses.put("smtp.host", infrastructure.smtp().host());
        addresses.put("smtp.port", Integer.toString(infrastructure.smtp().port()));
        addresses.put("mailbox.url", viewer.url());
        return addresses;
    }

    private static int stop(StackState state) {
        var running = state.runningLauncher();
        if (running.isEmpty()) {
            System.out.println("No stack is running.");
            state.clear();
            return 0;
        }
        long pid = running.getAsLong();
        var launcher = ProcessHandle.of(pid).orElseThrow();
        System.out.println("Stopping the stack (pid " + pid + ")...");
        launcher.destroy();
        try {
            // Seconds, unless the services are writing their AOT caches (up to AotCache's stop grace).
            launcher.onExit().get(6, java.util.concurrent.TimeUnit.MINUTES);
            System.out.println("Stopped.");
            return 0;
        } catch (Exception e) {
            System.err.println("The stack (pid " + pid + ") did not stop within 6 minutes: " + e);
            return 1;
        }
    }

    private static void checkPortsFree() {
        var ports = new ArrayList<Integer>();
        StackDefinition.SERVICES.stream().map(StackService::port).forEach(ports::add);
        ports.add(MAILBOX_PORT);
        List<Integer> busy = ports.stream().filter(port -> !isFree(port)).toList();
        if (!busy.isEmpty()) {
            fail("Port(s) " + busy + " are in use on 127.0.0.1. Stop what uses them (another stack: bin/stack stop),"
                    + " or run a second stack with bin/stack start --random-ports.");
        }
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code -Dstack.project-root} (bin/stack sets it), else the working directory if it is the project's root. */
    private static Path projectRoot() {
        Path root = Path.of(System.getProperty("stack.project-root", ""))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(root.resolve("infra/local-stack"))) {
            fail("Not the order saga's project root: " + root
                    + ". Run bin/stack, or pass -Dstack.project-root=<root>.");
        }
        return root;
    }

    private static String version() throws IOException {
        try (InputStream in = StackCli.class.getResourceAsStream("/local-stack.properties")) {
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
