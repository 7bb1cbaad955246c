package io.ordersaga.messaging.inbox;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes inbox rows older than the retention; a {@link io.ordersaga.messaging.PeriodicTask} runs it
 * every {@code messaging.inbox.cleanup-interval}. Every instance of a service runs it; the deletes
 * are idempotent, so that is harmless.
 */
final class InboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(InboxCleanup.class);

    private final JdbcTemplate jdbc;
    private final InboxSettings settings;

    InboxCleanup(DataSource dataSource, InboxSettings settings) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
    }

    /** Deletes every expired row, one bounded batch per statement; returns how many it deleted. */
    int deleteExpired() {
        int total = 0;
        int deleted;
        do {
            // The database's clock decides, the same clock that wrote processed_at.
            deleted = jdbc.update("""
                    delete from inbox where (consumer, event_id) in (
                        select consumer, event_id from inbox
                        where processed_at < now() - ? * interval '1 millisecond'
                        limit ?)
                    """, settings.retention().toMillis(), settings.cleanupBatchSize());
            total += deleted;
        } while (deleted == settings.cleanupBatchSize());
        return total;
    }

    void deleteExpiredAndLog() {
        int deleted = deleteExpired();
        if (deleted > 0) {
            log.info("Inbox cleanup deleted {} event ids older than {}", deleted, settings.retention());
        }
    }
}
