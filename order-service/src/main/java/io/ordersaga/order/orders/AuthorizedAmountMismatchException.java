package io.ordersaga.order.orders;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Payment authorized an amount other than the order's total. Confirming the order on it would break
 * money conservation (captured - refunded = total of CONFIRMED orders), so the reply is refused and
 * the order stays where it was: one in flight is cancelled by its deadline, and payment refunds what
 * it captured.
 */
public class AuthorizedAmountMismatchException extends RuntimeException {

    AuthorizedAmountMismatchException(
            UUID orderId, BigDecimal authorized, String authorizedCurrency, BigDecimal total, String currency) {
        super("payment authorized " + authorized.toPlainString() + " " + authorizedCurrency + " for order " + orderId
                + ", whose total is " + total.toPlainString() + " " + currency);
    }
}
