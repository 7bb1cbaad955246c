package io.ordersaga.payment.payments;

/** Where the order goes: not used by payment, carried forward to shipping (event-carried state). */
public record ShippingAddress(String recipientName, String street, String city, String postalCode, String country) {}
