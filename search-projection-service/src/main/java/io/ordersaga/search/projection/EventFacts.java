package io.ordersaga.search.projection;

import io.ordersaga.events.common.Money;
import io.ordersaga.events.common.OrderLine;
import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.inventory.InventoryRejected;
import io.ordersaga.events.inventory.InventoryReleased;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.events.payment.PaymentFailed;
import io.ordersaga.events.payment.PaymentRefunded;
import io.ordersaga.events.shipping.ShipmentFailed;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.messaging.consumer.ConsumedEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Translates the saga's Avro events into {@link OrderFact}s: the one place the projection sees Avro. */
final class EventFacts {

    private EventFacts() {}

    /** The fact the event states, or empty for an event type the read model does not show. */
    static Optional<OrderFact> of(ConsumedEvent consumed) {
        SpecificRecord event = consumed.event();
        UUID orderId = consumed.envelope().getOrderId();
        var at = consumed.envelope().getOccurredAt();
        OrderFact fact =
                switch (event) {
                    case OrderPlaced e ->
                        new OrderFact.Placed(
                                orderId,
                                at,
                                e.getCustomerId(),
                                e.getCustomerEmail(),
                                orderLines(e.getLines()),
                                amount(e.getTotal()));
                    case OrderConfirmed e ->
                        new OrderFact.Confirmed(
                                orderId,
                                at,
                                e.getCustomerId(),
                                e.getCustomerEmail(),
                                amount(e.getTotal()),
                                e.getTrackingNumber());
                    case OrderCancelled e ->
                        new OrderFact.Cancelled(
                                orderId,
                                at,
                                e.getCustomerId(),
                                e.getCustomerEmail(),
                                amount(e.getTotal()),
                                e.getReason().name());
                    case InventoryReserved e ->
                        new OrderFact.InventoryReserved(
                                orderId,
                                at,
                                e.getReservationId(),
                                stockLines(e.getLines()),
                                amount(e.getTotal()),
                                e.getCustomerEmail());
                    case InventoryRejected e ->
                        new OrderFact.InventoryRejected(
                                orderId, at, e.getReason().name(), List.copyOf(e.getUnavailableSkus()));
                    case InventoryReleased e -> new OrderFact.InventoryReleased(orderId, at, e.getReservationId());
                    case PaymentAuthorized e ->
                        new OrderFact.PaymentAuthorized(
                                orderId, at, e.getPaymentId(), amount(e.getAmount()), e.getCustomerEmail());
                    case PaymentFailed e ->
                        new OrderFact.PaymentFailed(orderId, at, e.getReason().name(), amount(e.getAmount()));
                    case PaymentRefunded e ->
                        new OrderFact.PaymentRefunded(orderId, at, e.getPaymentId(), amount(e.getAmount()));
                    case ShipmentScheduled e ->
                        new OrderFact.ShipmentScheduled(
                                orderId,
                                at,
                                e.getShipmentId(),
                                e.getCarrier(),
                                e.getTrackingNumber(),
                                e.getEstimatedDelivery(),
                                e.getCustomerEmail());
                    case ShipmentFailed e ->
                        new OrderFact.ShipmentFailed(orderId, at, e.getReason().name(), e.getCountry());
                    default -> null;
                };
        return Optional.ofNullable(fact);
    }

    private static OrderFact.Amount amount(Money money) {
        if (money == null) {
            return null;
        }
        return new OrderFact.Amount(money.getAmount(), money.getCurrency());
    }

    private static List<OrderDocument.Line> orderLines(List<OrderLine> lines) {
        return lines.stream()
                .map(line -> new OrderDocument.Line(
                        line.getSku(),
                        line.getQuantity(),
                        line.getUnitPrice() == null ? null : line.getUnitPrice().getAmount()))
                .toList();
    }

    private static List<OrderDocument.Line> stockLines(List<StockLine> lines) {
        return lines.stream()
                .map(line -> new OrderDocument.Line(line.getSku(), line.getQuantity(), null))
                .toList();
    }
}
