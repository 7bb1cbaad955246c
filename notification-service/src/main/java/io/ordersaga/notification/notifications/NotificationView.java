package io.ordersaga.notification.notifications;

import java.time.Instant;
import java.util.UUID;

/** A notification as {@code GET /notifications} shows it (no bodies); absent values are null. */
record NotificationView(
        UUID id,
        UUID orderId,
        NotificationKind kind,
        String recipient,
        String subject,
        NotificationStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant nextAttemptAt,
        Instant sentAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(
                notification.id(),
                notification.orderId(),
                notification.kind(),
                notification.recipient(),
                notification.subject(),
                notification.status(),
                notification.attempts(),
                notification.lastError().orElse(null),
                notification.createdAt(),
                notification.updatedAt(),
                notification.nextAttemptAt().orElse(null),
                notification.sentAt().orElse(null));
    }
}
