package io.ordersaga.notification.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A carrier shipment was booked for the order. */
public record ShipmentNotice(
        UUID orderId,
        UUID causationId,
        String recipient,
        String carrier,
        String trackingNumber,
        LocalDate estimatedDelivery)
        implements NotificationRequest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    @Override
    public NotificationKind kind() {
        return NotificationKind.SHIPMENT_SCHEDULED;
    }

    @Override
    public String subject() {
        return "Your order " + NotificationRequest.shortId(orderId) + " ships with " + carrier;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of(
                "orderId", orderId,
                "carrier", carrier,
                "trackingNumber", trackingNumber,
                "estimatedDelivery", DAY.format(estimatedDelivery));
    }
}
