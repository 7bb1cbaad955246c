package io.ordersaga.order.support;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.inventory.InventoryRejected;
import io.ordersaga.events.inventory.InventoryRejectionReason;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.events.payment.PaymentFailed;
import io.ordersaga.events.payment.PaymentFailureReason;
import io.ordersaga.events.shipping.ShipmentFailed;
import io.ordersaga.events.shipping.ShipmentFailureReason;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * The participants' replies to an order of {@link OrderRequests#valid()} (total 25.50 EUR), as the
 * inventory, payment and shipping services publish them, each with a new event id.
 */
public final class Replies {

    public static final String INVENTORY = "inventory.events";
    public static final String PAYMENTS = "payments.events";
    public static final String SHIPMENTS = "shipments.events";
    /** The total of {@link OrderRequests#valid()}, in EUR. */
    public static final BigDecimal TOTAL = new BigDecimal("25.50");

    private Replies() {}

    public static InventoryReserved inventoryReserved(UUID orderId) {
        return InventoryReserved.newBuilder()
                .setEnvelope(envelope(orderId, InventoryReserved.class))
                .setReservationId("reservation-" + orderId)
                .setLines(List.of(stock("SKU-1", 2), stock("SKU-2", 1)))
                .setTotal(total())
                .setPaymentToken("tok_visa")
                .setCustomerEmail("ada@example.com")
                .setShippingAddress(address())
                .build();
    }

    public static InventoryRejected inventoryRejected(UUID orderId) {
        return InventoryRejected.newBuilder()
                .setEnvelope(envelope(orderId, InventoryRejected.class))
                .setReason(InventoryRejectionReason.OUT_OF_STOCK)
                .setUnavailableSkus(List.of("SKU-1"))
                .build();
    }

    public static PaymentAuthorized paymentAuthorized(UUID orderId) {
        return paymentAuthorized(orderId, TOTAL);
    }

    /** A PaymentAuthorized for {@code amount} EUR, which need not be the order's total. */
    public static PaymentAuthorized paymentAuthorized(UUID orderId, BigDecimal amount) {
        return PaymentAuthorized.newBuilder()
                .setEnvelope(envelope(orderId, PaymentAuthorized.class))
                .setPaymentId("payment-" + orderId)
                .setAmount(euros(amount))
                .setCustomerEmail("ada@example.com")
                .setShippingAddress(address())
                .build();
    }

    public static PaymentFailed paymentFailed(UUID orderId) {
        return PaymentFailed.newBuilder()
                .setEnvelope(envelope(orderId, PaymentFailed.class))
                .setReason(PaymentFailureReason.DECLINED)
                .setAmount(total())
                .build();
    }

    public static ShipmentScheduled shipmentScheduled(UUID orderId, String trackingNumber) {
        return ShipmentScheduled.newBuilder()
                .setEnvelope(envelope(orderId, ShipmentScheduled.class))
                .setShipmentId("shipment-" + orderId)
                .setCarrier("DHL")
                .setTrackingNumber(trackingNumber)
                .setEstimatedDelivery(LocalDate.now().plusDays(3))
                .setCustomerEmail("ada@example.com")
                .build();
    }

    public static ShipmentFailed shipmentFailed(UUID orderId) {
        return ShipmentFailed.newBuilder()
                .setEnvelope(envelope(orderId, ShipmentFailed.class))
                .setReason(ShipmentFailureReason.DESTINATION_NOT_SERVED)
                .setCountry("DE")
                .build();
    }

    private static EventEnvelope envelope(UUID orderId, Class<? extends SpecificRecord> type) {
        return EventEnvelopes.of(type, orderId, Instant.now(), null);
    }

    private static StockLine stock(String sku, int quantity) {
        return StockLine.newBuilder().setSku(sku).setQuantity(quantity).build();
    }

    private static Money total() {
        return euros(TOTAL);
    }

    private static Money euros(BigDecimal amount) {
        return Money.newBuilder().setAmount(amount).setCurrency("EUR").build();
    }

    private static Address address() {
        return Address.newBuilder()
                .setRecipientName("Ada Lovelace")
                .setStreet("1 Main St")
                .setCity("Berlin")
                .setPostalCode("10115")
                .setCountry("DE")
                .build();
    }
}
