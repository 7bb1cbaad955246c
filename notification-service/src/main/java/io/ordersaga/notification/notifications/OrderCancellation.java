package io.ordersaga.notification.notifications;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** The order was cancelled; the customer learns why, in words. */
public record OrderCancellation(
        UUID orderId, UUID causationId, String recipient, CancellationReason reason, BigDecimal total, String currency)
        implements NotificationRequest {

    @Override
    public NotificationKind kind() {
        return NotificationKind.ORDER_CANCELLED;
    }

    @Override
    public String subject() {
        return "Your order " + NotificationRequest.shortId(orderId) + " was cancelled";
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of(
                "orderId", orderId,
                "reason", reason.inWords(),
                "total", NotificationRequest.money(total, currency));
    }
}
