package io.ordersaga.payment.payments;

/** Why a payment was declined (SPEC: deterministic outcome rules). */
public enum FailureReason {
    /** The payment token starts with the declined prefix ({@code tok_decline}). */
    DECLINED,
    /** The total exceeds the per-order limit. */
    LIMIT_EXCEEDED
}
