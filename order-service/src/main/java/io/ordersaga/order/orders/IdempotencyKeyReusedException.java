package io.ordersaga.order.orders;

/** An Idempotency-Key was sent again with a different request body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
