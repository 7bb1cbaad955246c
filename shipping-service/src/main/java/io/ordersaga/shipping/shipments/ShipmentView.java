package io.ordersaga.shipping.shipments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A shipment as {@code GET /shipments} shows it; absent values are null (a failed shipment has no carrier). */
record ShipmentView(
        UUID orderId,
        String shipmentId,
        ShipmentStatus status,
        String carrier,
        String trackingNumber,
        LocalDate estimatedDelivery,
        String country,
        Instant createdAt,
        Instant updatedAt) {

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(
                shipment.orderId(),
                shipment.shipmentId().orElse(null),
                shipment.status(),
                shipment.carrier().orElse(null),
                shipment.trackingNumber().orElse(null),
                shipment.estimatedDelivery().orElse(null),
                shipment.country().orElse(null),
                shipment.createdAt(),
                shipment.updatedAt());
    }
}
