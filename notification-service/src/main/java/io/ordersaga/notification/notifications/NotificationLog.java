package io.ordersaga.notification.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications the service owes and has sent. Recording one renders its e-mail and queues it
 * for delivery in the caller's transaction (the inbox's, for an event), so the e-mail is owed if and
 * only if the event counts as handled; the delivery sends it later, outside the consumer.
 */
@Service
public class NotificationLog {

    private static final Logger log = LoggerFactory.getLogger(NotificationLog.class);

    private final Notifications notifications;
    private final MailTemplates templates;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationLog(Notifications notifications, MailTemplates templates, Clock clock, MeterRegistry meters) {
        this.notifications = notifications;
        this.templates = templates;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Queues the e-mail, unless the order already has one of this kind (the same fact delivered
     * again under another event id): then nothing happens. Returns whether it was queued.
     */
    @Transactional
    public boolean record(NotificationRequest request) {
        var mail = templates.render(request);
        int inserted = notifications.insertIfAbsent(
                UUID.randomUUID(),
                request.orderId(),
                request.kind().name(),
                request.recipient(),
                mail.subject(),
                mail.text(),
                mail.html(),
                request.causationId(),
                clock.instant());
        if (inserted == 0) {
            log.info(
                    "Order {} already has a {} notification: event {} sends nothing",
                    request.orderId(),
                    request.kind(),
                    request.causationId());
            meters.counter("notifications.duplicates", "kind", request.kind().name())
                    .increment();
            return false;
        }
        return true;
    }

    @Transactional(readOnly = true)
    public List<Notification> ofOrder(UUID orderId) {
        return notifications.findByOrderIdOrderByCreatedAtAscKindAsc(orderId);
    }
}
