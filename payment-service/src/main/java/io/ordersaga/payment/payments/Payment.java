package io.ordersaga.payment.payments;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * The one payment of an order, keyed by the order id: a second request for the same order finds it
 * and does nothing, so an order is charged at most once whatever is redelivered.
 */
@Entity
@Table(name = "payments")
public class Payment implements Persistable<UUID> {

    @Id
    private UUID orderId;

    private String paymentId;

    private BigDecimal amount;

    private String currency;

    @Enumerated(EnumType.STRING)
    private PaymentStatus status;

    @Enumerated(EnumType.STRING)
    private FailureReason failureReason;

    private Instant createdAt;

    private Instant updatedAt;

    // Ids are assigned, not generated: without this, save() would merge (select, then insert).
    @Transient
    private boolean isNew = true;

    protected Payment() {}

    private Payment(
            UUID orderId,
            String paymentId,
            BigDecimal amount,
            String currency,
            PaymentStatus status,
            FailureReason failureReason,
            Instant now) {
        this.orderId = orderId;
        this.paymentId = paymentId;
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.failureReason = failureReason;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Payment authorized(PaymentRequest request, Instant now) {
        return new Payment(
                request.orderId(),
                newPaymentId(),
                request.amount(),
                request.currency(),
                PaymentStatus.AUTHORIZED,
                null,
                now);
    }

    static Payment declined(PaymentRequest request, FailureReason reason, Instant now) {
        return new Payment(
                request.orderId(),
                newPaymentId(),
                request.amount(),
                request.currency(),
                PaymentStatus.DECLINED,
                reason,
                now);
    }

    static Payment cancelledBeforeAuthorization(UUID orderId, Instant now) {
        return new Payment(orderId, null, null, null, PaymentStatus.CANCELLED_BEFORE_AUTHORIZATION, null, now);
    }

    /** Gives an authorized amount back; returns whether it did (only an authorized payment can be refunded). */
    boolean refund(Instant now) {
        if (status != PaymentStatus.AUTHORIZED) {
            return false;
        }
        status = PaymentStatus.REFUNDED;
        updatedAt = now;
        return true;
    }

    private static String newPaymentId() {
        return "pay_" + UUID.randomUUID().toString().replace("-", "");
    }

    public UUID orderId() {
        return orderId;
    }

    /** Absent for the cancellation marker, which never reached a payment provider. */
    public Optional<String> paymentId() {
        return Optional.ofNullable(paymentId);
    }

    public Optional<BigDecimal> amount() {
        return Optional.ofNullable(amount);
    }

    public Optional<String> currency() {
        return Optional.ofNullable(currency);
    }

    public PaymentStatus status() {
        return status;
    }

    public Optional<FailureReason> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public UUID getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }
}
