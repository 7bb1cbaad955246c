package io.ordersaga.notification.notifications;

/** Why an order was cancelled, as the customer reads it in the cancellation e-mail. */
public enum CancellationReason {
    OUT_OF_STOCK("An item in your order is out of stock."),
    PAYMENT_DECLINED("Your payment was declined."),
    SHIPPING_UNAVAILABLE("We cannot deliver to your shipping address."),
    CUSTOMER_REQUEST("You asked us to cancel it."),
    TIMEOUT("We could not complete it in time."),
    /** A reason this service does not know yet (one added to the event after it was built). */
    UNKNOWN("We could not complete it.");

    private final String inWords;

    CancellationReason(String inWords) {
        this.inWords = inWords;
    }

    /** One sentence for the customer. */
    public String inWords() {
        return inWords;
    }
}
