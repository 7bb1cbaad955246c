package io.ordersaga.loadtest.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where a saga's time goes: the order service's timeline (the {@code timeline} array in each row of
 * {@code orders}, each step stamped when the order service applied it) split into one round trip
 * per participant. A round trip is the order service's relay, Kafka, the participant's consumer and
 * transaction, its relay, Kafka, and the order service's consumer and transaction: the hop that
 * grows first under load is the bottleneck.
 */
public final class SagaHops {

    /** Each order's steps, out of the JSON array its row keeps them in. */
    private static final String TIMELINES = """
            select o.id as order_id, entry ->> 'step' as step, (entry ->> 'occurredAt')::timestamptz as occurred_at
            from orders o cross join lateral jsonb_array_elements(o.timeline) entry
            where o.id = any(?)
            """;

    /** One participant's round trip: from the step before it to its answer. */
    public record Hop(String name, Percentiles latency) {}

    private record Definition(String name, Set<String> from, Set<String> to) {}

    private static final List<Definition> HOPS = List.of(
            new Definition(
                    "placed → inventory answered",
                    Set.of("PLACED"),
                    Set.of("INVENTORY_RESERVED", "INVENTORY_REJECTED")),
            new Definition(
                    "reserved → payment answered",
                    Set.of("INVENTORY_RESERVED"),
                    Set.of("PAYMENT_AUTHORIZED", "PAYMENT_FAILED")),
            new Definition(
                    "authorized → shipping answered",
                    Set.of("PAYMENT_AUTHORIZED"),
                    Set.of("SHIPMENT_SCHEDULED", "SHIPMENT_FAILED")));

    private final ServiceDatabase database;

    public SagaHops(String jdbcUrl, String username, String password) {
        this.database = new ServiceDatabase(jdbcUrl, username, password);
    }

    /** The round trips of {@code orders}, each over the orders that made it. */
    public List<Hop> of(Collection<UUID> orders) {
        Map<UUID, Map<String, Instant>> timelines = timelines(orders);
        var hops = new ArrayList<Hop>();
        for (Definition hop : HOPS) {
            var millis = new ArrayList<Long>();
            for (Map<String, Instant> steps : timelines.values()) {
                Instant from = first(steps, hop.from());
                Instant to = first(steps, hop.to());
                if (from != null && to != null) {
                    millis.add(Duration.between(from, to).toMillis());
                }
            }
            hops.add(new Hop(hop.name(), Percentiles.of(millis)));
        }
        return hops;
    }

    private static Instant first(Map<String, Instant> steps, Set<String> names) {
        return names.stream()
                .map(steps::get)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private Map<UUID, Map<String, Instant>> timelines(Collection<UUID> orders) {
        var timelines = new HashMap<UUID, Map<String, Instant>>();
        database.forEachRow(TIMELINES, orders, "the order timelines", rows -> timelines
                .computeIfAbsent(rows.getObject("order_id", UUID.class), id -> new LinkedHashMap<>())
                .merge(
                        rows.getString("step"),
                        rows.getTimestamp("occurred_at").toInstant(),
                        (a, b) -> a.isBefore(b) ? a : b));
        return timelines;
    }
}
