package io.ordersaga.notification.notifications;

/**
 * Where a notification's e-mail stands. {@link #SENT}, {@link #FAILED} and {@link #WITHDRAWN} are
 * final.
 */
public enum NotificationStatus {
    /**
     * A shipment notice waiting for its order's confirmation (docs/saga.md): shipping can book a
     * shipment for an order the order service has just cancelled, and cancels it again when the
     * cancellation reaches it. Such a shipment is never announced.
     */
    HELD,
    /** Waiting for its next delivery attempt, at {@code nextAttemptAt}. */
    PENDING,
    /** The SMTP server accepted the e-mail. */
    SENT,
    /** Given up: the address was rejected for good, or every attempt allowed failed. */
    FAILED,
    /** Never sent: a shipment notice of an order that was cancelled, not confirmed. */
    WITHDRAWN
}
