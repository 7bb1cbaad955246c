package io.ordersaga.notification.notifications;

/** What an e-mail is about. A customer gets at most one of each kind per order. */
public enum NotificationKind {
    /** The order was confirmed (OrderConfirmed). */
    ORDER_CONFIRMED("order-confirmed"),
    /** The order was cancelled, and why (OrderCancelled). */
    ORDER_CANCELLED("order-cancelled"),
    /** A carrier shipment was booked (ShipmentScheduled). */
    SHIPMENT_SCHEDULED("shipment-scheduled");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    /** The name of the kind's templates: {@code mail/text/<name>.txt} and {@code mail/html/<name>.html}. */
    String template() {
        return template;
    }
}
