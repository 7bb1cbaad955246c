package io.ordersaga.messaging.outbox;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the outbox of committed events; a {@link io.ordersaga.messaging.PeriodicTask} runs it
 * every {@code messaging.outbox.cleanup-interval} (docs/outbox.md#retention-a-cleanup-empties-the-table-every-second).
 *
 * <p>The relay never reads the table: it reads each row's INSERT from the write-ahead log, where the
 * row is from the moment its transaction commits. So every row this statement can see may go, relayed
 * or not. Rows of transactions still running are invisible to it and wait for the next run; the
 * publication carries inserts only, so the deletes never reach the relay. Every instance of a service
 * runs it: a second instance's delete finds nothing left, and no one else locks outbox rows.
 */
public final class OutboxCleanup {

    private final JdbcTemplate jdbc;

    OutboxCleanup(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Deletes the rows of every committed event; returns how many. */
    public int deleteCommittedEvents() {
        return jdbc.update("delete from outbox");
    }
}
