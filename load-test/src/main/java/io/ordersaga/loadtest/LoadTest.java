package io.ordersaga.loadtest;

import io.ordersaga.loadtest.report.Machine;
import io.ordersaga.loadtest.report.MachineSpeed;
import io.ordersaga.loadtest.report.Summary;
import io.ordersaga.loadtest.run.ApiOrderStates;
import io.ordersaga.loadtest.run.DatabaseEmailStates;
import io.ordersaga.loadtest.run.DatabaseOrderStates;
import io.ordersaga.loadtest.run.Drain;
import io.ordersaga.loadtest.run.EmailWait;
import io.ordersaga.loadtest.run.InvariantChecks;
import io.ordersaga.loadtest.run.InvariantResult;
import io.ordersaga.loadtest.run.LoadRun;
import io.ordersaga.loadtest.run.OrderStates;
import io.ordersaga.loadtest.run.SagaHops;
import io.ordersaga.loadtest.run.Saturation;
import io.ordersaga.loadtest.run.StackCpu;
import io.ordersaga.loadtest.run.StepResult;
import io.ordersaga.loadtest.simulation.PlacedOrders;
import io.ordersaga.loadtest.simulation.PlacedOrders.Attempt;
import io.ordersaga.loadtest.simulation.SimulationSettings;
import io.ordersaga.loadtest.simulation.Warmup;
import io.ordersaga.loadtest.stack.LocalStackProcess;
import io.ordersaga.loadtest.stack.StackConnection;
import io.ordersaga.systemtest.StockBaseline;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole load test: finds or starts the target, warms it up, runs the load (one rate, or the
 * saturation steps), waits for the drain, checks the invariants and builds the {@link Summary}.
 */
public final class LoadTest {

    private static final Logger log = LoggerFactory.getLogger(LoadTest.class);

    /** The order service's default saga deadline, plus a margin for its check interval and a busy machine. */
    private static final Duration STUCK_AFTER = Duration.ofSeconds(60);

    /**
     * How long the invariants' violations may stop falling before they count: compensations land after
     * their order ends, and after an overload the participants catch up for minutes.
     */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(15);

    /**
     * After the sagas drained, how often the e-mails still owed are read, how long none may settle
     * before the wait gives up (a stopped sender), and how long it waits at most (a long backlog).
     */
    private static final Duration EMAIL_POLL = Duration.ofSeconds(1);

    private static final Duration EMAIL_SETTLE = Duration.ofSeconds(60);
    private static final Duration EMAIL_LIMIT = Duration.ofMinutes(15);

    private static final Duration STACK_START_TIMEOUT = Duration.ofMinutes(5);

    /** A fresh stack's first sagas are slow (see {@link Warmup}); past this the load starts anyway. */
    private static final Duration WARMUP_DRAIN = Duration.ofMinutes(2);

    private final LoadTestOptions options;
    private final Path projectRoot;
    private final String version;

    public LoadTest(LoadTestOptions options, Path projectRoot, String version) {
        this.options = options;
        this.projectRoot = projectRoot;
        this.version = version;
    }

    public Summary run() {
        Instant startedAt = Instant.now();
        if (options.baseUrl().isPresent()) {
            String url = options.baseUrl().get();
            return measure(
                    startedAt,
                    url,
                    new ApiOrderStates(url),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    false,
                    OptionalInt.empty());
        }
        try (var stack = findOrStartStack()) {
            StackConnection connection = stack.connection();
            var services = List.copyOf(connection.properties().stringPropertyNames().stream()
                    .filter(key -> key.endsWith("-service.url"))
                    .map(key -> key.substring(0, key.length() - ".url".length()))
                    .sorted()
                    .toList());
            var states =
                    new DatabaseOrderStates(connection.jdbcUrl("orders"), connection.username(), connection.password());
            return measure(
                    startedAt,
                    connection.orderServiceUrl(),
                    states,
                    Optional.of(
                            new SagaHops(connection.jdbcUrl("orders"), connection.username(), connection.password())),
                    Optional.of(new InvariantChecks(connection, STUCK_AFTER)),
                    Optional.of(StackCpu.of(stack.launcherPid(), connection.postgresPorts())),
                    emails(connection),
                    services,
                    stack.startedHere(),
                    connection.topicPartitions());
        }
    }

    /** notification-service's log, when the stack runs it. */
    private static Optional<EmailWait> emails(StackConnection connection) {
        if (!connection.has("notification-service")) {
            return Optional.empty();
        }
        var notifications = new DatabaseEmailStates(
                connection.jdbcUrl("notifications"), connection.username(), connection.password());
        return Optional.of(new EmailWait(notifications, EMAIL_POLL, EMAIL_SETTLE, EMAIL_LIMIT));
    }

    private LocalStackProcess findOrStartStack() {
        var running = LocalStackProcess.running(options.stackDirectory());
        if (running.isPresent()) {
            log.info("Using the stack running from {}", options.stackDirectory());
            return running.get();
        }
        List<String> services =
                options.services().orElseGet(() -> LocalStackProcess.Launch.builtServices(projectRoot, version));
        log.info("No stack is running from {}: starting {}", options.stackDirectory(), services);
        return LocalStackProcess.start(new LocalStackProcess.Launch(
                projectRoot,
                projectRoot.resolve("infra/local-stack/target/infra-local-stack-" + version + "-cli.jar"),
                options.stackDirectory(),
                services,
                options.randomPorts(),
                STACK_START_TIMEOUT));
    }

    private Summary measure(
            Instant startedAt,
            String orderServiceUrl,
            OrderStates states,
            Optional<SagaHops> hops,
            Optional<InvariantChecks> invariants,
            Optional<StackCpu> cpu,
            Optional<EmailWait> emails,
            List<String> services,
            boolean stackStartedHere,
            OptionalInt topicPartitions) {
        MachineSpeed.Probe speedBefore = MachineSpeed.Probe.now();
        if (options.warmup() > 0) {
            List<UUID> warmup = Warmup.run(orderServiceUrl, options.mix(), options.warmup());
            Drain drained = Drain.await(states, warmup, WARMUP_DRAIN);
            log.info(
                    "Warm-up: {} orders accepted of {}; their sagas ended {} ms after the last was placed",
                    warmup.size(),
                    options.warmup() * options.mix().total(),
                    drained.took().toMillis());
        }
        Optional<StockBaseline> stock = invariants.map(InvariantChecks::captureStock);
        var loadRun = new LoadRun(states, hops, options.drainTimeout(), cpu, emails);
        var placedFiles = new ArrayList<Path>();
        StepResult warm = null;
        if (!options.warmupLoad().isZero()) {
            // Its orders stay in the databases and are checked by the invariants like any other.
            Path directory = options.output().resolve("warmup");
            // A ramp up to the measured load's first rate: each JVM compiles its hot code for that load.
            var warmup = new SimulationSettings(
                    orderServiceUrl,
                    options.warmupRate(),
                    options.firstRate(),
                    options.warmupLoad(),
                    options.mix(),
                    options.seed(),
                    directory.resolve("orders.csv"));
            warm = loadRun.run(warmup, directory);
            placedFiles.add(directory.resolve("orders.csv"));
            log.info(
                    "Warm-up load: {} for {} s, saga p99 {} ms (not measured)",
                    warmup.describeRate(),
                    options.warmupLoad().toSeconds(),
                    warm.saga().p99Millis());
        }
        var steps = new ArrayList<StepResult>();
        Summary.SaturationVerdict saturation = null;
        if (options.saturation().isPresent()) {
            var result = new Saturation(loadRun, options.saturation().get())
                    .run(
                            (rate, directory) -> {
                                Path placed = directory.resolve("orders.csv");
                                placedFiles.add(placed);
                                return settings(
                                        orderServiceUrl,
                                        rate,
                                        options.saturation().get().stepDuration(),
                                        placed);
                            },
                            options.output().resolve("saturation"));
            result.steps().forEach(step -> steps.add(step.result()));
            saturation = Summary.SaturationVerdict.of(result);
        } else {
            Path placed = options.output().resolve("orders.csv");
            placedFiles.add(placed);
            steps.add(loadRun.run(
                    settings(orderServiceUrl, options.rate(), options.duration(), placed), options.output()));
        }

        List<UUID> accepted = placedFiles.stream()
                .flatMap(file -> PlacedOrders.read(file).stream())
                .filter(Attempt::accepted)
                .map(attempt -> attempt.orderId().orElseThrow())
                .toList();
        List<InvariantResult> invariantResults = invariants
                .map(checks -> checks.check(stock.orElseThrow(), accepted, SETTLE, SETTLE_LIMIT))
                .orElseGet(() -> notCheckedByUrl());
        var speed = new MachineSpeed(speedBefore, MachineSpeed.Probe.now());
        log.info(
                "Machine speed: sorting took {} ms before the load, {} ms after; a loopback round trip {} µs"
                        + " before, {} µs after",
                speed.before().sortMillis(),
                speed.after().sortMillis(),
                speed.before().roundTripMicros(),
                speed.after().roundTripMicros());
        return summary(
                startedAt,
                speed,
                orderServiceUrl,
                services,
                stackStartedHere,
                topicPartitions,
                steps,
                warm,
                saturation,
                invariantResults);
    }

    private SimulationSettings settings(String url, double rate, Duration duration, Path placed) {
        return SimulationSettings.constant(url, rate, duration, options.mix(), options.seed(), placed);
    }

    private Summary summary(
            Instant startedAt,
            MachineSpeed speed,
            String orderServiceUrl,
            List<String> services,
            boolean stackStartedHere,
            OptionalInt topicPartitions,
            List<StepResult> steps,
            StepResult warmup,
            Summary.SaturationVerdict saturation,
            List<InvariantResult> invariants) {
        var failures = new ArrayList<String>();
        var targets = new ArrayList<String>();
        // In the saturation mode the last step is expected to fail: only the sustained steps count.
        int judged = saturation == null
                ? steps.size()
                : (int) saturation.stepVerdicts().stream()
                        .filter("sustained"::equals)
                        .count();
        for (StepResult step : steps.subList(0, judged)) {
            step.problems().forEach(problem -> failures.add("at " + step.targetRate() + " orders/s: " + problem));
        }
        for (InvariantResult invariant : invariants) {
            if (invariant.status() == InvariantResult.Status.VIOLATED) {
                failures.add("invariant " + invariant.number() + " violated: "
                        + invariant.violations().getFirst());
            }
        }
        for (StepResult step : steps) {
            long p99 = step.saga().p99Millis();
            targets.add("%s orders/s: saga p99 %d ms %s 1,000 ms%s"
                    .formatted(
                            step.targetRate(),
                            p99,
                            p99 < 1000 ? "<" : "≥",
                            p99 < 1000 && step.correct() ? " (met)" : " (not met)"));
        }
        return new Summary(
                saturation == null ? "run" : "saturation",
                startedAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Machine.current(),
                speed,
                orderServiceUrl,
                services,
                stackStartedHere,
                topicPartitions.isPresent() ? topicPartitions.getAsInt() : null,
                options.mix().toString(),
                steps,
                warmup,
                saturation,
                invariants,
                targets,
                failures.isEmpty(),
                failures);
    }

    private static List<InvariantResult> notCheckedByUrl() {
        var results = new ArrayList<InvariantResult>();
        for (int number = 1; number <= 5; number++) {
            results.add(new InvariantResult(
                    number,
                    "(see SPEC.md)",
                    InvariantResult.Status.NOT_CHECKED,
                    "a target given by URL only: the checker needs the services' databases",
                    List.of()));
        }
        return results;
    }
}
