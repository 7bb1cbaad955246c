package io.ordersaga.payment.payments;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment's part of the saga. Each operation is guarded by the order's payment row, whatever order
 * the events arrive in: the inbox stops a redelivered event, the row stops a second request for the
 * same order and a request that arrives after the order was cancelled.
 *
 * <p>Concurrent operations on one order (its InventoryReserved and OrderCancelled come from two
 * topics, so two consumers) both try to insert the row: the primary key lets one win, the other
 * fails, is retried by the failure policy, and then finds the row.
 */
@Service
public class PaymentProcessing {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);

    private final Payments payments;
    private final PaymentEvents events;
    private final PaymentSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentProcessing(
            Payments payments, PaymentEvents events, PaymentSettings settings, Clock clock, MeterRegistry meters) {
        this.payments = payments;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Authorizes the order's total or declines it; does nothing when the order already has a
     * payment row, in particular the marker of a cancellation that overtook this request.
     */
    @Transactional
    public void authorize(PaymentRequest request) {
        Optional<Payment> existing = payments.findById(request.orderId());
        if (existing.isPresent()) {
            log.info(
                    "Order {} already has a payment ({}): nothing charged",
                    request.orderId(),
                    existing.get().status());
            return;
        }
        Optional<FailureReason> refusal = refusal(request);
        if (refusal.isPresent()) {
            Payment declined = payments.save(Payment.declined(request, refusal.get(), clock.instant()));
            events.failed(declined, request);
            count(declined);
        } else {
            Payment authorized = payments.save(Payment.authorized(request, clock.instant()));
            events.authorized(authorized, request);
            count(authorized);
        }
    }

    /**
     * The order was cancelled: refunds an authorized payment; remembers the cancellation when no
     * payment exists yet, so a late request charges nothing; otherwise nothing is owed.
     */
    @Transactional
    public void cancel(UUID orderId, UUID causationId) {
        Optional<Payment> existing = payments.findForUpdate(orderId);
        if (existing.isEmpty()) {
            Payment marker = payments.save(Payment.cancelledBeforeAuthorization(orderId, clock.instant()));
            count(marker);
            return;
        }
        Payment payment = existing.get();
        if (payment.refund(clock.instant())) {
            events.refunded(payment, causationId);
            count(payment);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Payment> ofOrder(UUID orderId) {
        return payments.findById(orderId);
    }

    private Optional<FailureReason> refusal(PaymentRequest request) {
        if (request.paymentToken().startsWith(settings.declinedTokenPrefix())) {
            return Optional.of(FailureReason.DECLINED);
        }
        if (request.amount().compareTo(settings.perOrderLimit()) > 0) {
            return Optional.of(FailureReason.LIMIT_EXCEEDED);
        }
        return Optional.empty();
    }

    private void count(Payment payment) {
        meters.counter(
                        "payments.outcomes",
                        "status",
                        payment.status().name(),
                        "reason",
                        payment.failureReason().map(Enum::name).orElse("none"))
                .increment();
    }
}
