package io.ordersaga.loadtest.run;

import io.ordersaga.loadtest.run.EmailStates.Email;
import io.ordersaga.systemtest.SagaInvariants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Waits, after the sagas drained, until notification-service has sent (or given up on) every e-mail
 * the ended orders are owed, and measures how far behind it was ({@link EmailDelivery}). Reads only
 * the orders still waiting on each poll, so a long tail costs little. Gives up when no order's e-mails
 * settled for {@code settle}, or after {@code limit}.
 */
public final class EmailWait {

    private final EmailStates emails;
    private final Duration poll;
    private final Duration settle;
    private final Duration limit;

    public EmailWait(EmailStates emails, Duration poll, Duration settle, Duration limit) {
        this.emails = emails;
        this.poll = poll;
        this.settle = settle;
        this.limit = limit;
    }

    /**
     * Waits for the e-mails of {@code orders} (those that ended; the others are owed none yet), and
     * times the last from the last order's placement: the end of the load as the stack saw it.
     */
    public EmailDelivery await(Collection<OrderEnd> orders) {
        Instant lastPlaced =
                orders.stream().map(OrderEnd::placedAt).max(Instant::compareTo).orElse(Instant.now());
        // An order in flight is owed none yet (emailsOwed answers none for its status).
        var owing = new HashMap<UUID, OrderEnd>();
        for (OrderEnd order : orders) {
            if (!owed(order).isEmpty()) {
                owing.put(order.id(), order);
            }
        }
        var tally = new Tally();
        Set<UUID> waiting = new HashSet<>(owing.keySet());
        Instant giveUp = Instant.now().plus(limit);
        Instant lastProgress = Instant.now();
        Map<UUID, List<Email>> found = Map.of();
        while (!waiting.isEmpty()) {
            found = emails.find(waiting);
            int before = waiting.size();
            for (UUID id : List.copyOf(waiting)) {
                OrderEnd order = owing.get(id);
                List<Email> recorded = found.getOrDefault(id, List.of());
                if (owed(order).stream()
                        .allMatch(kind ->
                                of(recorded, kind).filter(Email::settled).isPresent())) {
                    tally.add(order, recorded);
                    waiting.remove(id);
                }
            }
            if (waiting.size() < before) {
                lastProgress = Instant.now();
            }
            if (waiting.isEmpty()
                    || Instant.now().isAfter(giveUp)
                    || Instant.now().isAfter(lastProgress.plus(settle))) {
                break;
            }
            pause();
        }
        for (UUID id : waiting) {
            tally.add(owing.get(id), found.getOrDefault(id, List.of()));
        }
        long owedCount =
                owing.values().stream().mapToLong(order -> owed(order).size()).sum();
        Instant drained = tally.outstanding == 0 ? tally.lastSent.orElse(lastPlaced) : Instant.now();
        return new EmailDelivery(
                true,
                "",
                owedCount,
                tally.sent,
                tally.failed,
                tally.outstanding,
                Percentiles.of(tally.afterOrderEnd),
                Math.max(0, Duration.between(lastPlaced, drained).toMillis()));
    }

    private static List<String> owed(OrderEnd order) {
        return SagaInvariants.emailsOwed(order.status());
    }

    private static Optional<Email> of(List<Email> recorded, String kind) {
        return recorded.stream().filter(email -> email.kind().equals(kind)).findFirst();
    }

    private void pause() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the e-mails", e);
        }
    }

    /** The owed e-mails counted so far. */
    private static final class Tally {
        long sent;
        long failed;
        long outstanding;
        final List<Long> afterOrderEnd = new ArrayList<>();
        Optional<Instant> lastSent = Optional.empty();

        void add(OrderEnd order, List<Email> recorded) {
            for (String kind : owed(order)) {
                Optional<Email> email = of(recorded, kind);
                if (email.filter(e -> e.status().equals(Email.SENT)).isPresent()) {
                    Instant sentAt = email.get().sentAt();
                    sent++;
                    afterOrderEnd.add(
                            Duration.between(order.completedAt(), sentAt).toMillis());
                    lastSent = lastSent.filter(last -> last.isAfter(sentAt)).or(() -> Optional.of(sentAt));
                } else if (email.filter(e -> e.status().equals(Email.FAILED)).isPresent()) {
                    failed++;
                } else {
                    outstanding++;
                }
            }
        }
    }
}
