package io.ordersaga.loadtest.simulation;

import java.util.Optional;

/**
 * What an order of the load is meant to end as, chosen by SPEC.md's deterministic rules: the order's
 * content decides the saga's path, so the expected end of every order is known when it is placed.
 */
public enum Outcome {
    /** Stocked SKUs, a served country, an accepted card: CONFIRMED. */
    CONFIRMED("confirmed", "CONFIRMED", null),
    /** One line of {@code OUT-OF-STOCK-001}, which the demo catalog seeds with no stock. */
    OUT_OF_STOCK("out-of-stock", "CANCELLED", "OUT_OF_STOCK"),
    /** A payment token starting {@code tok_decline}. */
    PAYMENT_DECLINED("payment-declined", "CANCELLED", "PAYMENT_DECLINED"),
    /** A valid country that shipping does not serve. */
    SHIPPING_UNAVAILABLE("shipping-unavailable", "CANCELLED", "SHIPPING_UNAVAILABLE"),
    /**
     * A confirmable order cancelled by the customer right after placing it. The cancel races the saga:
     * when the shipment is scheduled first, the cancel answers 409 and the order stays CONFIRMED.
     */
    CUSTOMER_CANCEL("customer-cancel", "CANCELLED", "CUSTOMER_REQUEST");

    private final String key;
    private final String status;
    private final String reason;

    Outcome(String key, String status, String reason) {
        this.key = key;
        this.status = status;
        this.reason = reason;
    }

    /** The name in the mix option and the summary, e.g. {@code out-of-stock}. */
    public String key() {
        return key;
    }

    /** The order's final status when the saga takes the intended path. */
    public String status() {
        return status;
    }

    /** The cancellation reason when the saga takes the intended path. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public static Outcome ofKey(String key) {
        for (Outcome outcome : values()) {
            if (outcome.key.equals(key)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + key + "': one of confirmed, out-of-stock,"
                + " payment-declined, shipping-unavailable, customer-cancel");
    }
}
