package io.ordersaga.order.orders;

/** Why an order was cancelled; the messaging adapter maps it to the Avro enum of OrderCancelled. */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    SHIPPING_UNAVAILABLE,
    CUSTOMER_REQUEST,
    TIMEOUT
}
