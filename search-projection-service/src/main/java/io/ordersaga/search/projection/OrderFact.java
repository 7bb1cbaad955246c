package io.ordersaga.search.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one saga event says about an order, free of Avro: the projection's input. Each fact belongs
 * to the context that published it, and {@link OrderDocument#with} folds it into the document.
 */
public sealed interface OrderFact {

    UUID orderId();

    /** When the event happened (its envelope's occurredAt). */
    Instant occurredAt();

    /** An amount with its currency. */
    record Amount(BigDecimal value, String currency) {}

    record Placed(
            UUID orderId,
            Instant occurredAt,
            String customerId,
            String customerEmail,
            List<OrderDocument.Line> lines,
            Amount total)
            implements OrderFact {}

    record Confirmed(
            UUID orderId,
            Instant occurredAt,
            String customerId,
            String customerEmail,
            Amount total,
            String trackingNumber)
            implements OrderFact {}

    record Cancelled(
            UUID orderId, Instant occurredAt, String customerId, String customerEmail, Amount total, String reason)
            implements OrderFact {}

    record InventoryReserved(
            UUID orderId,
            Instant occurredAt,
            String reservationId,
            List<OrderDocument.Line> lines,
            Amount total,
            String customerEmail)
            implements OrderFact {}

    record InventoryRejected(UUID orderId, Instant occurredAt, String reason, List<String> unavailableSkus)
            implements OrderFact {}

    record InventoryReleased(UUID orderId, Instant occurredAt, String reservationId) implements OrderFact {}

    record PaymentAuthorized(UUID orderId, Instant occurredAt, String paymentId, Amount amount, String customerEmail)
            implements OrderFact {}

    record PaymentFailed(UUID orderId, Instant occurredAt, String reason, Amount amount) implements OrderFact {}

    record PaymentRefunded(UUID orderId, Instant occurredAt, String paymentId, Amount amount) implements OrderFact {}

    record ShipmentScheduled(
            UUID orderId,
            Instant occurredAt,
            String shipmentId,
            String carrier,
            String trackingNumber,
            LocalDate estimatedDelivery,
            String customerEmail)
            implements OrderFact {}

    record ShipmentFailed(UUID orderId, Instant occurredAt, String reason, String country) implements OrderFact {}
}
