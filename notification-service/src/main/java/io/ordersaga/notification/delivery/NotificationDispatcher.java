package io.ordersaga.notification.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.ordersaga.notification.notifications.Notification;
import io.ordersaga.notification.notifications.NotificationStatus;
import io.ordersaga.notification.notifications.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending notifications, apart from the Kafka consumers: a mail server that is down
 * delays e-mails, never events. On threads of its own ({@code notifications.delivery.senders}), each
 * repeatedly claims a batch of due notifications ({@code for update skip locked}, so the senders and
 * several instances share the work), sends them over its own SMTP connection, and records each
 * outcome in the same transaction:
 *
 * <ul>
 *   <li>accepted by the server: SENT, the batch's accepted ones with one statement;
 *   <li>a permanent failure ({@link SmtpFailures}): FAILED at once, with the error;
 *   <li>any other failure: tried again after an exponential backoff, FAILED once the attempts allowed
 *       are used up.
 * </ul>
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** The senders' threads are named this, then their number from 1. */
    static final String THREAD_NAME_PREFIX = "notification-dispatcher-";
    /** How long a stop waits for the batch in flight, so what was sent is also recorded as sent. */
    private static final long STOP_GRACE_SECONDS = 30;

    private final Notifications notifications;
    private final SmtpMailer mailer;
    private final DeliverySettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile ScheduledExecutorService scheduler;

    NotificationDispatcher(
            Notifications notifications,
            SmtpMailer mailer,
            DeliverySettings settings,
            PlatformTransactionManager transactionManager,
            Clock clock,
            MeterRegistry meters) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("notifications.pending", notifications, table -> table.countByStatus(NotificationStatus.PENDING))
                .description("notifications waiting for their first or next delivery attempt")
                .register(meters);
    }

    /** Sends everything due now, batch after batch; returns how many notifications it attempted. */
    int dispatchDue() {
        int total = 0;
        Integer attempted;
        do {
            attempted = transaction.execute(status -> dispatchBatch());
            total += attempted;
        } while (attempted == settings.batchSize() && isRunning());
        return total;
    }

    private int dispatchBatch() {
        List<Notification> due = notifications.lockDue(clock.instant(), settings.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, Exception> failures = mailer.send(due);
        Instant now = clock.instant();
        List<UUID> sent = new ArrayList<>(due.size());
        for (Notification notification : due) {
            Exception failure = failures.get(notification.id());
            if (failure == null) {
                sent.add(notification.id());
                count("notifications.sent", notification);
            } else {
                recordFailure(notification, failure, now);
            }
        }
        if (!sent.isEmpty()) {
            notifications.markSent(sent.toArray(UUID[]::new), now);
        }
        return due.size();
    }

    private void recordFailure(Notification notification, Exception failure, Instant now) {
        String error = SmtpFailures.describe(failure);
        int failedAttempts = notification.attempts() + 1;
        if (SmtpFailures.isPermanent(failure)) {
            notification.failed(error, now);
            log.error(
                    "Notification {} ({} of order {}) cannot be sent, not retried: {}",
                    notification.id(),
                    notification.kind(),
                    notification.orderId(),
                    error);
            count("notifications.failed", notification, "cause", "permanent");
        } else if (failedAttempts >= settings.retry().maxAttempts()) {
            notification.failed(error, now);
            log.error(
                    "Notification {} ({} of order {}) failed {} times, giving up: {}",
                    notification.id(),
                    notification.kind(),
                    notification.orderId(),
                    failedAttempts,
                    error);
            count("notifications.failed", notification, "cause", "attempts-exhausted");
        } else {
            var next = now.plus(settings.retry().delayAfter(failedAttempts));
            notification.retryAt(next, error, now);
            log.warn(
                    "Notification {} ({} of order {}) attempt {} failed, next at {}: {}",
                    notification.id(),
                    notification.kind(),
                    notification.orderId(),
                    failedAttempts,
                    next,
                    error);
            count("notifications.retried", notification);
        }
    }

    private void count(String name, Notification notification, String... tags) {
        meters.counter(name, Tags.of("kind", notification.kind().name()).and(tags))
                .increment();
    }

    private void dispatchDueAndLog() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // The database is unreachable, most likely: the rows stay PENDING, the next run tries again.
            log.warn("Dispatching notifications failed, trying again in {}: {}", settings.pollInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newScheduledThreadPool(
                settings.senders(),
                Thread.ofPlatform().name(THREAD_NAME_PREFIX, 1).daemon().factory());
        long interval = settings.pollInterval().toMillis();
        for (int sender = 0; sender < settings.senders(); sender++) {
            scheduler.scheduleWithFixedDelay(this::dispatchDueAndLog, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        ScheduledExecutorService stopping = scheduler;
        scheduler = null;
        // Not shutdownNow(): interrupting a batch between the SMTP send and the commit would send its
        // e-mails again after the restart.
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Not synchronized: the dispatcher thread asks it while {@link #stop()} holds the lock and waits for it. */
    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
