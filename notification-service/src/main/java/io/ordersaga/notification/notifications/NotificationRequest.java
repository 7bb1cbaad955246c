package io.ordersaga.notification.notifications;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * An e-mail the customer is owed, with the facts it tells: what the handlers make of an event. The
 * kind names the templates, {@link #variables()} fill them.
 */
public sealed interface NotificationRequest permits OrderConfirmation, OrderCancellation, ShipmentNotice {

    UUID orderId();

    /** The id of the event that caused it, recorded in the log. */
    UUID causationId();

    /** The customer's address, as the event carried it (not validated: delivery finds out). */
    String recipient();

    NotificationKind kind();

    String subject();

    /** What the kind's templates read. */
    Map<String, Object> variables();

    /** The short form of the order id that subjects use: its first eight hex digits. */
    static String shortId(UUID orderId) {
        return orderId.toString().substring(0, 8);
    }

    /** An amount as the e-mails show it, e.g. {@code EUR 120.50}. */
    static String money(BigDecimal amount, String currency) {
        return currency + " " + amount.toPlainString();
    }
}
