package io.ordersaga.payment.payments;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An order whose stock is reserved asks to be paid: what the InventoryReserved event carries.
 *
 * @param causationId the id of the event that asked, recorded on the events this causes
 * @param customerEmail carried forward to shipping
 * @param shippingAddress carried forward to shipping
 */
public record PaymentRequest(
        UUID orderId,
        UUID causationId,
        BigDecimal amount,
        String currency,
        String paymentToken,
        String customerEmail,
        ShippingAddress shippingAddress) {}
