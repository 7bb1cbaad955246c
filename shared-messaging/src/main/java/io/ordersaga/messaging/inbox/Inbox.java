package io.ordersaga.messaging.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public Inbox(DataSource dataSource, MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.meters = meters;
    }

    /**
     * Records that {@code consumer} applies {@code eventId}, in the caller's transaction.
     *
     * @return {@code true} the first time; {@code false} when the id is already recorded (or is
     *     being recorded by a concurrent transaction that then commits): the caller must skip the
     *     event
     * @throws IllegalStateException outside a transaction, where the record could commit without
     *     the effects (or the effects without it)
     */
    public boolean markProcessed(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Inbox.markProcessed must run in the transaction that applies the event's effects");
        }
        // ON CONFLICT DO NOTHING waits for a concurrent insert of the same key to finish, so two
        // deliveries racing on two consumers still apply the event once.
        int inserted = jdbc.update(
                "insert into inbox (consumer, event_id) values (?, ?) on conflict do nothing", consumer, eventId);
        if (inserted == 0) {
            duplicates(consumer).increment();
            return false;
        }
        return true;
    }

    private Counter duplicates(String consumer) {
        return Counter.builder(DUPLICATES_METRIC)
                .description("Events delivered again after they were applied, and skipped")
                .tag("consumer", consumer)
                .register(meters);
    }
}
