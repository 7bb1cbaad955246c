package io.ordersaga.payment.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment as {@code GET /payments} shows it; absent values are null (the cancellation marker has no amount). */
record PaymentView(
        UUID orderId,
        String paymentId,
        PaymentStatus status,
        BigDecimal amount,
        String currency,
        FailureReason reason,
        Instant createdAt,
        Instant updatedAt) {

    static PaymentView of(Payment payment) {
        return new PaymentView(
                payment.orderId(),
                payment.paymentId().orElse(null),
                payment.status(),
                payment.amount().orElse(null),
                payment.currency().orElse(null),
                payment.failureReason().orElse(null),
                payment.createdAt(),
                payment.updatedAt());
    }
}
