package io.ordersaga.notification.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.persistence.TimeOrderedUuids;
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
 *
 * <p>A shipment notice is queued only once its order is confirmed. Shipping can book a shipment for
 * an order that is being cancelled (its PaymentAuthorized overtook the OrderCancelled) and cancels
 * the shipment when the cancellation arrives; the order service ignores that ShipmentScheduled, and
 * so does the customer's mailbox: the notice waits {@link NotificationStatus#HELD} for the
 * OrderConfirmed, and is {@link NotificationStatus#WITHDRAWN} by an OrderCancelled. The two
 * arrive on different topics, which several instances or threads may handle at once, so one order's
 * records are serialised by a lock.
 */
@Service
public class NotificationLog {

    private static final Logger log = LoggerFactory.getLogger(NotificationLog.class);
    /** The advisory lock space of "one order's notifications" in the service's database. */
    private static final int ORDER_LOCKS = 1;

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
     * Records the e-mail, unless the order already has one of this kind (the same fact delivered
     * again under another event id): then nothing happens. Returns whether it was recorded. A
     * confirmation releases the order's held shipment notice, a cancellation withdraws it.
     */
    @Transactional
    public boolean record(NotificationRequest request) {
        UUID orderId = request.orderId();
        notifications.lockOrder(ORDER_LOCKS, orderId.hashCode());
        var mail = templates.render(request);
        var now = clock.instant();
        int inserted = notifications.insertIfAbsent(
                TimeOrderedUuids.next(clock),
                orderId,
                request.kind().name(),
                request.recipient(),
                mail.subject(),
                mail.text(),
                mail.html(),
                request.causationId(),
                initialStatus(request).name(),
                now);
        if (inserted == 0) {
            log.info(
                    "Order {} already has a {} notification: event {} sends nothing",
                    orderId,
                    request.kind(),
                    request.causationId());
            meters.counter("notifications.duplicates", "kind", request.kind().name())
                    .increment();
            return false;
        }
        switch (request.kind()) {
            case ORDER_CONFIRMED -> notifications.moveHeld(orderId, NotificationStatus.PENDING.name(), now);
            case ORDER_CANCELLED -> {
                if (notifications.moveHeld(orderId, NotificationStatus.WITHDRAWN.name(), now) > 0) {
                    log.info("Order {} was cancelled: its shipment notice is withdrawn", orderId);
                }
            }
            case SHIPMENT_SCHEDULED -> {}
        }
        return true;
    }

    /** PENDING, but a shipment notice waits for its order's confirmation and is never sent if cancelled. */
    private NotificationStatus initialStatus(NotificationRequest request) {
        if (request.kind() != NotificationKind.SHIPMENT_SCHEDULED) {
            return NotificationStatus.PENDING;
        }
        List<NotificationKind> recorded = notifications.kindsOf(request.orderId());
        if (recorded.contains(NotificationKind.ORDER_CONFIRMED)) {
            return NotificationStatus.PENDING;
        }
        if (recorded.contains(NotificationKind.ORDER_CANCELLED)) {
            log.info("Order {} was cancelled: its shipment is not announced", request.orderId());
            return NotificationStatus.WITHDRAWN;
        }
        return NotificationStatus.HELD;
    }

    @Transactional(readOnly = true)
    public List<Notification> ofOrder(UUID orderId) {
        return notifications.findByOrderIdOrderByCreatedAtAscKindAsc(orderId);
    }
}
