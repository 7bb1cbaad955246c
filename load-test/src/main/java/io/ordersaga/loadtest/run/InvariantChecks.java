package io.ordersaga.loadtest.run;

import io.ordersaga.loadtest.run.InvariantResult.Status;
import io.ordersaga.loadtest.stack.StackConnection;
import io.ordersaga.systemtest.InvariantReport;
import io.ordersaga.systemtest.Mailbox;
import io.ordersaga.systemtest.OrderIndex;
import io.ordersaga.systemtest.SagaInvariants;
import io.ordersaga.systemtest.StockBaseline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC.md's invariants after the load, through the system tests' checker ({@link SagaInvariants}),
 * which reads the services' databases. Invariants 1 to 3 need the four saga services; 4 (one e-mail per
 * order and kind, read from the stack's mailbox viewer) needs the notification service and 5 (the
 * search index converges, read from Elasticsearch) the search projection, each checked only when that
 * service is part of the stack.
 */
public final class InvariantChecks {

    private static final int VIOLATIONS_SHOWN = 20;
    private static final Logger log = LoggerFactory.getLogger(InvariantChecks.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private static final List<String> STATEMENTS = List.of(
            "Every accepted order reaches a terminal state; none is lost or duplicated.",
            "Stock is conserved: on-hand = initial - reserved-and-shipped; never negative.",
            "Money is conserved: captured - refunded = total of CONFIRMED orders.",
            "At most one e-mail per order per kind, even with redelivery.",
            "The search index converges to the order database (same status per order).");

    private final SagaInvariants invariants;
    private final boolean emailsChecked;
    private final boolean indexChecked;

    /**
     * @param stuckAfter how long an order may stay in flight before it counts as stuck: the order
     *     service's saga deadline plus a margin
     */
    public InvariantChecks(StackConnection stack, Duration stuckAfter) {
        Optional<Mailbox> mailbox =
                stack.has("notification-service") ? stack.mailboxUrl().map(Mailbox::viewer) : Optional.empty();
        Optional<OrderIndex> index = stack.has("search-projection-service")
                ? stack.elasticsearchUrl().map(OrderIndex::elasticsearch)
                : Optional.empty();
        this.emailsChecked = mailbox.isPresent();
        this.indexChecked = index.isPresent();
        this.invariants = new SagaInvariants(stack.sagaDatabases(), stuckAfter, mailbox, index);
    }

    /** The stock before the load: invariant 2's baseline. */
    public StockBaseline captureStock() {
        return invariants.captureStock();
    }

    /**
     * Checks the invariants, again and again while they do not hold but the number of violations keeps
     * falling: compensations (releases, refunds) land after their order ended, and after an overload the
     * participants work through their backlog for minutes. Gives up when a check has found no fewer
     * violations for {@code settle}, or after {@code limit}: only a violation that persists is real.
     */
    public List<InvariantResult> check(
            StockBaseline stock, Collection<UUID> accepted, Duration settle, Duration limit) {
        Instant giveUp = Instant.now().plus(limit);
        InvariantReport report = invariants.check(stock, accepted);
        int fewest = report.violations().size();
        Instant lastProgress = Instant.now();
        while (!report.holds()
                && Instant.now().isBefore(giveUp)
                && Instant.now().isBefore(lastProgress.plus(settle))) {
            pause();
            report = invariants.check(stock, accepted);
            if (report.violations().size() < fewest) {
                fewest = report.violations().size();
                lastProgress = Instant.now();
                log.info("Invariants: {} violation(s) left, falling (compensations still landing)", fewest);
            }
        }
        var results = new ArrayList<InvariantResult>();
        for (int number = 1; number <= 3; number++) {
            results.add(sagaInvariant(number, report));
        }
        results.add(emailsChecked ? sagaInvariant(4, report) : notChecked(4, "notification-service"));
        results.add(indexChecked ? sagaInvariant(5, report) : notChecked(5, "search-projection-service"));
        return results;
    }

    private static InvariantResult sagaInvariant(int number, InvariantReport report) {
        String prefix = number + ":";
        List<String> violations = report.violations().stream()
                .filter(violation -> violation.startsWith(prefix))
                .map(violation -> violation.substring(prefix.length()).trim())
                .toList();
        return new InvariantResult(
                number,
                STATEMENTS.get(number - 1),
                violations.isEmpty() ? Status.HOLDS : Status.VIOLATED,
                report.checked(number).orElseGet(report::summary)
                        + (violations.isEmpty() ? "" : "; " + violations.size() + " violation(s)"),
                violations.stream().limit(VIOLATIONS_SHOWN).toList());
    }

    private static InvariantResult notChecked(int number, String service) {
        return new InvariantResult(
                number,
                STATEMENTS.get(number - 1),
                Status.NOT_CHECKED,
                service + " is not part of the stack",
                List.of());
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the invariants", e);
        }
    }
}
