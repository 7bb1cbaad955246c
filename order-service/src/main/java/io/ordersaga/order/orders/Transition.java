package io.ordersaga.order.orders;

/** What a saga reply did to an order. */
public enum Transition {
    /** The order moved; if it reached a terminal state, that was announced. */
    APPLIED,
    /** The order had already made this step (a redelivered or overtaken reply): nothing changed. */
    ALREADY_APPLIED,
    /**
     * The order is terminal and the reply would contradict it (e.g. PaymentAuthorized after the order
     * was cancelled): nothing changed. The sender compensates when it sees OrderCancelled.
     */
    IGNORED_AFTER_TERMINAL
}
