package io.ordersaga.messaging.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ids of the events each consumer has applied (docs/idempotent-consumer.md). Kafka delivers at
 * least once, so a consumer sees some events twice; recording the id in the same transaction as the
 * handler's effects makes "applied" and "recorded" one atomic fact: either both happened or
 * neither did, and the second delivery finds the id and changes nothing.
 */
public final class Inbox {

    static final String DUPLICATES_METRIC = "inbox.duplicates.skipped";

    // One statement for a whole poll. ON CONFLICT DO NOTHING waits for a concurrent insert of the
    // same key to finish, so two deliveries racing on two consumers still apply an event once; the
    // ids go in sorted, so two such transactions wait for each other in one order and cannot deadlock.
    private static final String RECORD = """
            insert into inbox (consumer, event_id)
            select ?, event_id from unnest(?) as recorded(event_id) order by event_id
            on conflict do nothing
            returning event_id""";

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public Inbox(DataSource dataSource, MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.meters = meters;
    }

    /**
     * Records that {@code consumer} applies the events {@code eventIds} (those of one poll), in the
     * caller's transaction and with one statement.
     *
     * @return the ids recorded now: the events to apply. An id already recorded (or being recorded
     *     by a concurrent transaction that then commits) is not in it, and the caller must skip that
     *     event; an id given twice is returned once, and the caller applies the first of the two
     * @throws IllegalStateException outside a transaction, where the record could commit without
     *     the effects (or the effects without it)
     */
    public Set<UUID> markProcessed(String consumer, Collection<UUID> eventIds) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Inbox.markProcessed must run in the transaction that applies the events' effects");
        }
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        var distinct = new LinkedHashSet<>(eventIds);
        Set<UUID> recorded = new HashSet<>(jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(RECORD);
                    statement.setString(1, consumer);
                    statement.setArray(2, connection.createArrayOf("uuid", distinct.toArray()));
                    return statement;
                },
                (row, rowNumber) -> row.getObject(1, UUID.class)));
        int duplicates = eventIds.size() - recorded.size();
        if (duplicates > 0) {
            duplicates(consumer).increment(duplicates);
        }
        return recorded;
    }

    private Counter duplicates(String consumer) {
        return Counter.builder(DUPLICATES_METRIC)
                .description("Events delivered again after they were applied, and skipped")
                .tag("consumer", consumer)
                .register(meters);
    }
}
