package io.ordersaga.loadtest.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Waiting, after the load, until every accepted order is CONFIRMED or CANCELLED: how long the system
 * took to catch up, and which orders never ended (stuck) or never existed (lost).
 *
 * @param took from the end of the load until the last order ended, or until the timeout
 * @param orders every accepted order the order service knows, as last read
 * @param lost accepted orders the order service does not know
 * @param stuck accepted orders still in flight when the timeout passed
 */
public record Drain(Duration took, Map<UUID, OrderEnd> orders, Set<UUID> lost, Set<UUID> stuck) {

    private static final Duration POLL = Duration.ofMillis(250);

    public Drain {
        orders = Map.copyOf(orders);
        lost = Set.copyOf(lost);
        stuck = Set.copyOf(stuck);
    }

    /** Reads the orders still in flight until none is, or {@code timeout} passes. */
    public static Drain await(OrderStates states, Collection<UUID> accepted, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        var ended = new HashMap<UUID, OrderEnd>();
        Set<UUID> pending = new HashSet<>(accepted);
        Map<UUID, OrderEnd> last = Map.of();
        while (true) {
            last = states.find(pending);
            for (OrderEnd order : last.values()) {
                if (order.terminal()) {
                    ended.put(order.id(), order);
                    pending.remove(order.id());
                }
            }
            if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the orders to end", e);
            }
        }
        Duration took = Duration.between(start, Instant.now());
        var lost = new HashSet<UUID>();
        var stuck = new HashSet<UUID>();
        for (UUID id : pending) {
            OrderEnd order = last.get(id);
            if (order == null) {
                lost.add(id);
            } else {
                stuck.add(id);
                ended.put(id, order);
            }
        }
        return new Drain(took, ended, lost, stuck);
    }
}
