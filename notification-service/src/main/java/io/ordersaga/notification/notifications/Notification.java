package io.ordersaga.notification.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One e-mail the service owes a customer, and how its delivery went: an entry of the notification
 * log. Written {@link NotificationStatus#PENDING} by {@link NotificationLog#record} (a shipment
 * notice {@link NotificationStatus#HELD} until its order is confirmed); the delivery moves it to
 * {@link NotificationStatus#SENT} or {@link NotificationStatus#FAILED}, counting its attempts.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    /** Longest error text kept (the column's size); SMTP replies and stack messages can be long. */
    static final int MAX_ERROR_LENGTH = 1000;

    @Id
    private UUID id;

    private UUID orderId;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    private String recipient;

    private String subject;

    private String textBody;

    private String htmlBody;

    private UUID causationId;

    @Enumerated(EnumType.STRING)
    private NotificationStatus status;

    private int attempts;

    private Instant nextAttemptAt;

    private String lastError;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant sentAt;

    protected Notification() {}

    /** This attempt failed for a reason that may pass: try again at {@code next}. */
    public void retryAt(Instant next, String error, Instant now) {
        requirePending();
        attempts++;
        nextAttemptAt = next;
        lastError = truncate(error);
        updatedAt = now;
    }

    /** Given up: a failure no retry can fix, or the last attempt allowed failed. */
    public void failed(String error, Instant now) {
        requirePending();
        attempts++;
        status = NotificationStatus.FAILED;
        nextAttemptAt = null;
        lastError = truncate(error);
        updatedAt = now;
    }

    private void requirePending() {
        if (status != NotificationStatus.PENDING) {
            throw new IllegalStateException("notification " + id + " is " + status + ", not PENDING");
        }
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public UUID causationId() {
        return causationId;
    }

    public NotificationStatus status() {
        return status;
    }

    /** Delivery attempts made so far, the successful one included. */
    public int attempts() {
        return attempts;
    }

    /** When the next attempt is due; empty once the notification is SENT or FAILED. */
    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    /** Why the latest failed attempt failed; kept after a later success, as its history. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }
}
