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
 * until every accepted order ended, then until the e-mails they are owed were sent (when
 * notification-service runs), and measures the result ({@link StepResult}). The CPU is counted to the
 * end of both waits: an e-mail sent after the sagas drained is still part of an order's cost.
 */
public final class LoadRun {

    private static final Logger log = LoggerFactory.getLogger(LoadRun.class);

    private final OrderStates states;
    private final Optional<SagaHops> hops;
    private final Duration drainTimeout;
    private final Optional<StackCpu> cpu;
    private final Optional<EmailWait> emails;

    /**
     * @param drainTimeout how long to wait after the load for the last order to end: past the order
     *     service's saga deadline every order should have ended, so a little more than that
     * @param cpu the stack's processes when it runs on this machine; empty for a target given by URL
     * @param emails notification-service's log, when the stack is local and runs it
     */
    public LoadRun(
            OrderStates states,
            Optional<SagaHops> hops,
            Duration drainTimeout,
            Optional<StackCpu> cpu,
            Optional<EmailWait> emails) {
        this.states = states;
        this.hops = hops;
        this.drainTimeout = drainTimeout;
        this.cpu = cpu;
        this.emails = emails;
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
        EmailDelivery delivery = emails.map(wait -> {
                    log.info("Waiting for the e-mails those orders are owed");
                    EmailDelivery delivered = wait.await(drain.orders().values());
                    log.info(
                            "{} of {} e-mails sent ({} given up on, {} outstanding), the last {} ms after the last order",
                            delivered.sent(),
                            delivered.owed(),
                            delivered.failed(),
                            delivered.outstanding(),
                            delivered.drainMillis());
                    return delivered;
                })
                .orElseGet(() -> EmailDelivery.notMeasured("notification-service is not part of a local stack"));
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
                delivery,
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
