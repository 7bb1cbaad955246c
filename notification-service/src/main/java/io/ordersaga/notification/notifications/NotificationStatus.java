package io.ordersaga.notification.notifications;

/** Where a notification's e-mail stands. {@link #SENT} and {@link #FAILED} are final. */
public enum NotificationStatus {
    /** Waiting for its next delivery attempt, at {@code nextAttemptAt}. */
    PENDING,
    /** The SMTP server accepted the e-mail. */
    SENT,
    /** Given up: the address was rejected for good, or every attempt allowed failed. */
    FAILED
}
