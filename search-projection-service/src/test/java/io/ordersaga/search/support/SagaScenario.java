package io.ordersaga.search.support;

import io.ordersaga.events.common.Address;
import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.Money;
import io.ordersaga.events.common.OrderLine;
import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.inventory.InventoryRejected;
import io.ordersaga.events.inventory.InventoryRejectionReason;
import io.ordersaga.events.inventory.InventoryReleased;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.events.payment.PaymentAuthorized;
import io.ordersaga.events.payment.PaymentFailed;
import io.ordersaga.events.payment.PaymentFailureReason;
import io.ordersaga.events.payment.PaymentRefunded;
import io.ordersaga.events.shipping.ShipmentFailed;
import io.ordersaga.events.shipping.ShipmentFailureReason;
import io.ordersaga.events.shipping.ShipmentScheduled;
import io.ordersaga.messaging.outbox.EventEnvelopes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * The events of one order's saga, as the services publish them, per row of SPEC.md's saga table:
 * each on its topic, in the order they happen, one second apart from {@code placedAt}.
 */
public final class SagaScenario {

    public static final String ORDERS = "orders.events";
    public static final String INVENTORY = "inventory.events";
    public static final String PAYMENTS = "payments.events";
    public static final String SHIPMENTS = "shipments.events";
    public static final List<String> TOPICS = List.of(ORDERS, INVENTORY, PAYMENTS, SHIPMENTS);

    /** The rows of the saga table, and one more: a cancel that a shipment overtook. */
    public enum Row {
        HAPPY_PATH,
        OUT_OF_STOCK,
        PAYMENT_DECLINED,
        SHIPPING_UNAVAILABLE,
        CUSTOMER_REQUEST,
        TIMEOUT
    }

    /** One event and the topic its publisher writes it to. */
    public record Published(String topic, SpecificRecord event) {
        public EventEnvelope envelope() {
            return (EventEnvelope) event.get(0);
        }
    }

    private final UUID orderId;
    private final String customerId;
    private final String email;
    private final String sku;
    private final BigDecimal total;
    private final Instant placedAt;
    private final String trackingNumber;
    private final List<Published> events = new ArrayList<>();
    private UUID lastEventId;
    private int step;

    private SagaScenario(
            UUID orderId, String customerId, String email, String sku, BigDecimal total, Instant placedAt) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.email = email;
        this.sku = sku;
        this.total = total;
        this.placedAt = placedAt;
        this.trackingNumber =
                "TRK" + orderId.toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    public static SagaScenario of(Row row) {
        return of(row, "customer-" + UUID.randomUUID(), "ada@example.org", "BOOK-001", "19.99", Instant.now());
    }

    public static SagaScenario of(
            Row row, String customerId, String email, String sku, String total, Instant placedAt) {
        var saga = new SagaScenario(
                UUID.randomUUID(), customerId, email, sku, new BigDecimal(total).setScale(2), placedAt);
        saga.placed();
        switch (row) {
            case HAPPY_PATH -> {
                saga.reserved();
                saga.authorized();
                saga.scheduled();
                saga.confirmed();
            }
            case OUT_OF_STOCK -> {
                saga.rejected();
                saga.cancelled(CancellationReason.OUT_OF_STOCK);
            }
            case PAYMENT_DECLINED -> {
                saga.reserved();
                saga.paymentFailed();
                saga.cancelled(CancellationReason.PAYMENT_DECLINED);
                saga.released();
            }
            case SHIPPING_UNAVAILABLE -> {
                saga.reserved();
                saga.authorized();
                saga.shipmentFailed();
                saga.cancelled(CancellationReason.SHIPPING_UNAVAILABLE);
                saga.released();
                saga.refunded();
            }
            case CUSTOMER_REQUEST -> {
                // Cancelled while paid; the PaymentAuthorized reached shipping before the cancel did,
                // so a shipment was scheduled, then cancelled by shipping without an event.
                saga.reserved();
                saga.authorized();
                saga.cancelled(CancellationReason.CUSTOMER_REQUEST);
                saga.scheduled();
                saga.released();
                saga.refunded();
            }
            case TIMEOUT -> {
                saga.reserved();
                saga.cancelled(CancellationReason.TIMEOUT);
                saga.released();
            }
        }
        return saga;
    }

    public UUID orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public String email() {
        return email;
    }

    public String sku() {
        return sku;
    }

    public BigDecimal total() {
        return total;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    /** The events in the order they happened. */
    public List<Published> events() {
        return List.copyOf(events);
    }

    /** The events of one topic, in the order their publisher wrote them. */
    public List<Published> eventsOn(String topic) {
        return events.stream().filter(event -> event.topic().equals(topic)).toList();
    }

    private void placed() {
        add(
                ORDERS,
                OrderPlaced.newBuilder()
                        .setEnvelope(envelope(OrderPlaced.class))
                        .setCustomerId(customerId)
                        .setCustomerEmail(email)
                        .setLines(List.of(OrderLine.newBuilder()
                                .setSku(sku)
                                .setQuantity(2)
                                .setUnitPrice(
                                        money(total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP)))
                                .build()))
                        .setTotal(money(total))
                        .setShippingAddress(address())
                        .setPaymentToken("tok_visa_4242")
                        .build());
    }

    private void reserved() {
        add(
                INVENTORY,
                InventoryReserved.newBuilder()
                        .setEnvelope(envelope(InventoryReserved.class))
                        .setReservationId("res-" + orderId)
                        .setLines(List.of(StockLine.newBuilder()
                                .setSku(sku)
                                .setQuantity(2)
                                .build()))
                        .setTotal(money(total))
                        .setPaymentToken("tok_visa_4242")
                        .setCustomerEmail(email)
                        .setShippingAddress(address())
                        .build());
    }

    private void rejected() {
        add(
                INVENTORY,
                InventoryRejected.newBuilder()
                        .setEnvelope(envelope(InventoryRejected.class))
                        .setReason(InventoryRejectionReason.OUT_OF_STOCK)
                        .setUnavailableSkus(List.of(sku))
                        .build());
    }

    private void released() {
        add(
                INVENTORY,
                InventoryReleased.newBuilder()
                        .setEnvelope(envelope(InventoryReleased.class))
                        .setReservationId("res-" + orderId)
                        .setLines(List.of(StockLine.newBuilder()
                                .setSku(sku)
                                .setQuantity(2)
                                .build()))
                        .build());
    }

    private void authorized() {
        add(
                PAYMENTS,
                PaymentAuthorized.newBuilder()
                        .setEnvelope(envelope(PaymentAuthorized.class))
                        .setPaymentId("pay-" + orderId)
                        .setAmount(money(total))
                        .setCustomerEmail(email)
                        .setShippingAddress(address())
                        .build());
    }

    private void paymentFailed() {
        add(
                PAYMENTS,
                PaymentFailed.newBuilder()
                        .setEnvelope(envelope(PaymentFailed.class))
                        .setReason(PaymentFailureReason.DECLINED)
                        .setAmount(money(total))
                        .build());
    }

    private void refunded() {
        add(
                PAYMENTS,
                PaymentRefunded.newBuilder()
                        .setEnvelope(envelope(PaymentRefunded.class))
                        .setPaymentId("pay-" + orderId)
                        .setAmount(money(total))
                        .build());
    }

    private void scheduled() {
        add(
                SHIPMENTS,
                ShipmentScheduled.newBuilder()
                        .setEnvelope(envelope(ShipmentScheduled.class))
                        .setShipmentId("shp-" + orderId)
                        .setCarrier("DHL")
                        .setTrackingNumber(trackingNumber)
                        .setEstimatedDelivery(LocalDate.of(2030, 1, 15))
                        .setCustomerEmail(email)
                        .build());
    }

    private void shipmentFailed() {
        add(
                SHIPMENTS,
                ShipmentFailed.newBuilder()
                        .setEnvelope(envelope(ShipmentFailed.class))
                        .setReason(ShipmentFailureReason.DESTINATION_NOT_SERVED)
                        .setCountry("AQ")
                        .build());
    }

    private void confirmed() {
        add(
                ORDERS,
                OrderConfirmed.newBuilder()
                        .setEnvelope(envelope(OrderConfirmed.class))
                        .setCustomerId(customerId)
                        .setCustomerEmail(email)
                        .setTotal(money(total))
                        .setTrackingNumber(trackingNumber)
                        .build());
    }

    private void cancelled(CancellationReason reason) {
        add(
                ORDERS,
                OrderCancelled.newBuilder()
                        .setEnvelope(envelope(OrderCancelled.class))
                        .setCustomerId(customerId)
                        .setCustomerEmail(email)
                        .setReason(reason)
                        .setTotal(money(total))
                        .build());
    }

    private void add(String topic, SpecificRecord event) {
        events.add(new Published(topic, event));
        lastEventId = ((EventEnvelope) event.get(0)).getEventId();
    }

    private EventEnvelope envelope(Class<? extends SpecificRecord> type) {
        Instant at = placedAt.plus(Duration.ofSeconds(step++));
        return EventEnvelopes.of(type, orderId, at, lastEventId);
    }

    private Money money(BigDecimal amount) {
        return Money.newBuilder().setAmount(amount).setCurrency("EUR").build();
    }

    private static Address address() {
        return Address.newBuilder()
                .setRecipientName("Ada Lovelace")
                .setStreet("1 St James's Square")
                .setCity("London")
                .setPostalCode("SW1Y 4JU")
                .setCountry("GB")
                .build();
    }
}
