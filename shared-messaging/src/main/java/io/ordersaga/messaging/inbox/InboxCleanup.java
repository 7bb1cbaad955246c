package io.ordersaga.messaging.inbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes inbox rows older than the retention, on a schedule of its own: a library must not depend
 * on the service enabling {@code @EnableScheduling}. Every instance of a service runs it; the
 * deletes are idempotent, so that is harmless.
 */
final class InboxCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxCleanup.class);

    private final JdbcTemplate jdbc;
    private final InboxSettings settings;
    private ScheduledExecutorService scheduler;

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

    private void deleteExpiredAndLog() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Inbox cleanup deleted {} event ids older than {}", deleted, settings.retention());
            }
        } catch (RuntimeException e) {
            // The next run tries again; an inbox that grows for an hour is not worth stopping for.
            log.warn("Inbox cleanup failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("inbox-cleanup").daemon().factory());
        long interval = settings.cleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::deleteExpiredAndLog, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
