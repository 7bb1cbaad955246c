package io.ordersaga.payment.payments;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payments.*}: the deterministic outcome rules of SPEC.md, so tests and the load test choose
 * the mix of outcomes.
 *
 * @param perOrderLimit the largest total authorized for one order, compared as a number whatever
 *     the currency (the demo has no exchange rates)
 * @param declinedTokenPrefix payment tokens starting with it are declined
 */
@ConfigurationProperties("payments")
public record PaymentSettings(
        @DefaultValue("5000.00") BigDecimal perOrderLimit,
        @DefaultValue("tok_decline") String declinedTokenPrefix) {

    public PaymentSettings {
        if (perOrderLimit.signum() < 0) {
            throw new IllegalArgumentException("payments.per-order-limit must not be negative, was " + perOrderLimit);
        }
        if (declinedTokenPrefix == null || declinedTokenPrefix.isEmpty()) {
            throw new IllegalArgumentException("payments.declined-token-prefix must not be empty");
        }
    }
}
