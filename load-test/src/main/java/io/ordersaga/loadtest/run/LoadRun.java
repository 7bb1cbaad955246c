package io.ordersaga.loadtest.run;

import io.ordersaga.loadtest.simulation.OrderSagaSimulation;
import io.ordersaga.loadtest.simulation.PlacedOrders;
import io.ordersaga.loadtest.simulation.PlacedOrders.Attempt;
import io.ordersaga.loadtest.simulation.SimulationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One period of constant load ({@link OrderSagaSimulation} through Gatling), then the drain: waits
 * until every accepted order ended and measures the result ({@link StepResult}).
 */
public final class LoadRun {

    private static final Logger log = LoggerFactory.getLogger(LoadRun.class);

    private final OrderStates states;
    private final Optional<SagaHops> hops;
    private final Duration drainTimeout;
    private final Optional<StackCpu> cpu;

    /**
     * @param drainTimeout how long to wait after the load for the last order to end: past the order
     *     service's saga deadline every order should have ended, so a little more than that
     * @param cpu the stack's processes when it runs on this machine; empty for a target given by URL
     */
    public LoadRun(OrderStates states, Optional<SagaHops> hops, Duration drainTimeout, Optional<StackCpu> cpu) {
        this.states = states;
        this.hops = hops;
        this.drainTimeout = drainTimeout;
        this.cpu = cpu;
    }

    /** Runs {@code settings}, writing the placed orders and Gatling's report under {@code directory}. */
    public StepResult run(SimulationSettings settings, Path directory) {
        var loadBefore = LoadAverage.now();
        var cpuBefore = cpu.map(StackCpu::snapshot);
        log.info("Placing {} for {} (load average {})", settings.describeRate(), settings.duration(), loadBefore);
        Path report = GatlingRun.run(
                settings,
                directory.resolve("gatling"),
                "%s for %s, mix %s".formatted(settings.describeRate(), settings.duration(), settings.mix()));
        List<Attempt> attempts = PlacedOrders.read(settings.placedOrders());
        List<UUID> accepted = attempts.stream()
                .filter(Attempt::accepted)
                .map(attempt -> attempt.orderId().orElseThrow())
                .toList();
        log.info("{} of {} orders accepted; waiting for their sagas to end", accepted.size(), attempts.size());
        Drain drain = Drain.await(states, accepted, drainTimeout);
        log.info(
                "Drained in {} ms ({} lost, {} stuck)",
                drain.took().toMillis(),
                drain.lost().size(),
                drain.stuck().size());
        var cpuAfter = cpu.map(StackCpu::snapshot);
        var ended = drain.orders().values().stream().filter(OrderEnd::terminal).toList();
        return new StepResult(
                settings.rate(),
                settings.duration().toSeconds(),
                HttpStats.of(attempts),
                acceptedRate(drain.orders()),
                Percentiles.of(ended.stream().map(LoadRun::sagaMillis).toList()),
                byMinute(ended),
                hops.map(timelines -> timelines.of(accepted)).orElse(List.of()),
                drain.took().toMillis(),
                drain.lost().size(),
                drain.stuck().size(),
                OutcomeTally.of(attempts, drain.orders()),
                report.resolve("index.html").toString(),
                loadBefore,
                LoadAverage.now(),
                cpu.map(stack -> stack.use(cpuBefore.orElseThrow(), cpuAfter.orElseThrow(), accepted.size()))
                        .orElseGet(() -> CpuUse.notMeasured("the stack is not local")));
    }

    private static long sagaMillis(OrderEnd order) {
        return order.sagaDuration().orElseThrow().toMillis();
    }

    private static double acceptedRate(Map<UUID, OrderEnd> orders) {
        var placed = orders.values().stream().map(OrderEnd::placedAt).sorted().toList();
        if (placed.size() < 2) {
            return 0;
        }
        long span = Duration.between(placed.getFirst(), placed.getLast()).toMillis();
        return span == 0 ? 0 : (placed.size() - 1) * 1000.0 / span;
    }

    /** Minute 1 is the first 60 s after the first order was placed, and so on. */
    private static List<Percentiles> byMinute(List<OrderEnd> ended) {
        Instant first =
                ended.stream().map(OrderEnd::placedAt).min(Instant::compareTo).orElse(Instant.EPOCH);
        var minutes = new TreeMap<Long, List<Long>>();
        for (OrderEnd order : ended) {
            long minute = Duration.between(first, order.placedAt()).toMinutes();
            minutes.computeIfAbsent(minute, key -> new ArrayList<>()).add(sagaMillis(order));
        }
        return minutes.values().stream().map(Percentiles::of).toList();
    }
}
