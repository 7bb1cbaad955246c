package io.ordersaga.payment.payments;

import java.util.UUID;

/**
 * The port through which payment announces its outcomes. The adapter writes them to the outbox in
 * the caller's transaction, so an event is published if and only if the payment's change commits.
 */
public interface PaymentEvents {

    void authorized(Payment payment, PaymentRequest request);

    void failed(Payment payment, PaymentRequest request);

    void refunded(Payment payment, UUID causationId);
}
