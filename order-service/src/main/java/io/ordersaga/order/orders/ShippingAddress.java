package io.ordersaga.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where an order is delivered; {@code country} is an ISO 3166-1 alpha-2 code. */
@Embeddable
public record ShippingAddress(
        @Column(name = "recipient_name") String recipientName,
        @Column(name = "street") String street,
        @Column(name = "city") String city,
        @Column(name = "postal_code") String postalCode,
        @Column(name = "country") String country) {}
