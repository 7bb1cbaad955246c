package io.ordersaga.notification.notifications;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The order went through: stock reserved, payment taken, shipment booked. */
public record OrderConfirmation(
        UUID orderId,
        UUID causationId,
        String recipient,
        BigDecimal total,
        String currency,
        Optional<String> trackingNumber)
        implements NotificationRequest {

    @Override
    public NotificationKind kind() {
        return NotificationKind.ORDER_CONFIRMED;
    }

    @Override
    public String subject() {
        return "Your order " + NotificationRequest.shortId(orderId) + " is confirmed";
    }

    @Override
    public Map<String, Object> variables() {
        var variables = new HashMap<String, Object>();
        variables.put("orderId", orderId);
        variables.put("total", NotificationRequest.money(total, currency));
        // Absent (null) when the order service did not know it: the templates leave the line out.
        variables.put("trackingNumber", trackingNumber.orElse(null));
        return variables;
    }
}
