package io.ordersaga.payment.messaging;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.events.payment.PaymentFailed;
import io.ordersaga.events.payment.PaymentFailureReason;
import io.ordersaga.events.payment.PaymentRefunded;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import io.ordersaga.messaging.outbox.OutboxWriter;
import io.ordersaga.payment.payments.FailureReason;
import io.ordersaga.payment.payments.Payment;
import io.ordersaga.payment.payments.PaymentEvents;
import io.ordersaga.payment.payments.PaymentRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Payment's events as Avro records, appended to the outbox in the caller's transaction. */
@Component
class OutboxPaymentEvents implements PaymentEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    OutboxPaymentEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void authorized(Payment payment, PaymentRequest request) {
        var address = request.shippingAddress();
        outbox.append(PaymentAuthorized.newBuilder()
                .setEnvelope(EventEnvelopes.of(
                        PaymentAuthorized.class, payment.orderId(), clock.instant(), request.causationId()))
                .setPaymentId(payment.paymentId().orElseThrow())
                .setAmount(money(request.amount(), request.currency()))
                .setCustomerEmail(request.customerEmail())
                .setShippingAddress(Address.newBuilder()
                        .setRecipientName(address.recipientName())
                        .setStreet(address.street())
                        .setCity(address.city())
                        .setPostalCode(address.postalCode())
                        .setCountry(address.country())
                        .build())
                .build());
    }

    @Override
    public void failed(Payment payment, PaymentRequest request) {
        outbox.append(PaymentFailed.newBuilder()
                .setEnvelope(EventEnvelopes.of(
                        PaymentFailed.class, payment.orderId(), clock.instant(), request.causationId()))
                .setReason(reason(payment.failureReason().orElseThrow()))
                .setAmount(money(request.amount(), request.currency()))
                .build());
    }

    @Override
    public void refunded(Payment payment, UUID causationId) {
        outbox.append(PaymentRefunded.newBuilder()
                .setEnvelope(EventEnvelopes.of(PaymentRefunded.class, payment.orderId(), clock.instant(), causationId))
                .setPaymentId(payment.paymentId().orElseThrow())
                .setAmount(
                        money(payment.amount().orElseThrow(), payment.currency().orElseThrow()))
                .build());
    }

    private static PaymentFailureReason reason(FailureReason reason) {
        return switch (reason) {
            case DECLINED -> PaymentFailureReason.DECLINED;
            case LIMIT_EXCEEDED -> PaymentFailureReason.LIMIT_EXCEEDED;
        };
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.newBuilder().setAmount(amount).setCurrency(currency).build();
    }
}
