package io.ordersaga.search.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One order in the read model, as stored in Elasticsearch (mapping:
 * resources/elasticsearch/orders-index.json).
 *
 * <p>The document is a set of facts plus what is derived from them (docs/cqrs-read-model.md, "Merge
 * rules"). {@link #with} adds one fact so that the result does not depend on the order facts arrive
 * in, nor on how often each arrives:
 *
 * <ul>
 *   <li>each step's timestamp keeps the earliest value seen, so a duplicate changes nothing;
 *   <li>each value has one owning event ({@code OrderPlaced} for customer, lines and total, {@code
 *       ShipmentScheduled} for the tracking number, ...), whose value wins; other events that carry
 *       the same value fill it in only while it is missing;
 *   <li>every status is a function of the timestamps, recomputed after each fact, so no event can
 *       move a status back: a redelivered InventoryReserved after InventoryReleased leaves the
 *       inventory RELEASED, because the released timestamp is still there.
 * </ul>
 */
public record OrderDocument(
        UUID orderId,
        String customerId,
        String customerEmail,
        List<Line> lines,
        BigDecimal total,
        String currency,
        OrderStatus status,
        String reason,
        Instant placedAt,
        Instant confirmedAt,
        Instant cancelledAt,
        Inventory inventory,
        Payment payment,
        Shipment shipment,
        Instant lastEventAt) {

    public OrderDocument {
        lines = lines == null ? List.of() : List.copyOf(lines);
        inventory = inventory == null ? Inventory.UNKNOWN : inventory;
        payment = payment == null ? Payment.UNKNOWN : payment;
        shipment = shipment == null ? Shipment.UNKNOWN : shipment;
    }

    /** One order line; the unit price is known from OrderPlaced only. */
    public record Line(String sku, int quantity, BigDecimal unitPrice) {}

    public record Inventory(
            StepStatus status,
            String reservationId,
            String reason,
            List<String> unavailableSkus,
            Instant reservedAt,
            Instant rejectedAt,
            Instant releasedAt) {

        static final Inventory UNKNOWN = new Inventory(StepStatus.PENDING, null, null, List.of(), null, null, null);

        public Inventory {
            unavailableSkus = unavailableSkus == null ? List.of() : List.copyOf(unavailableSkus);
        }
    }

    public record Payment(
            StepStatus status,
            String paymentId,
            BigDecimal amount,
            String reason,
            Instant authorizedAt,
            Instant failedAt,
            Instant refundedAt) {

        static final Payment UNKNOWN = new Payment(StepStatus.PENDING, null, null, null, null, null, null);
    }

    public record Shipment(
            StepStatus status,
            String shipmentId,
            String carrier,
            String trackingNumber,
            LocalDate estimatedDelivery,
            String reason,
            String country,
            Instant scheduledAt,
            Instant failedAt) {

        static final Shipment UNKNOWN =
                new Shipment(StepStatus.PENDING, null, null, null, null, null, null, null, null);
    }

    /** The document of an order no event has been seen of yet. */
    public static OrderDocument empty(UUID orderId) {
        return new OrderDocument(
                orderId,
                null,
                null,
                List.of(),
                null,
                null,
                OrderStatus.PLACED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** This document with the facts added, in any order: the result is the same for every order. */
    public OrderDocument withAll(List<? extends OrderFact> facts) {
        OrderDocument document = this;
        for (OrderFact fact : facts) {
            document = document.with(fact);
        }
        return document;
    }

    /** This document with one more fact. */
    public OrderDocument with(OrderFact fact) {
        if (!orderId.equals(fact.orderId())) {
            throw new IllegalArgumentException("a fact of order " + fact.orderId() + " for the document of " + orderId);
        }
        Builder next = new Builder(this);
        next.lastEventAt = latest(lastEventAt, fact.occurredAt());
        switch (fact) {
            case OrderFact.Placed placed -> {
                next.placedAt = earliest(placedAt, placed.occurredAt());
                next.customerId = own(customerId, placed.customerId());
                next.customerEmail = own(customerEmail, placed.customerEmail());
                next.lines = placed.lines().isEmpty() ? lines : placed.lines();
                next.total = own(total, amount(placed.total()));
                next.currency = own(currency, currency(placed.total()));
            }
            case OrderFact.Confirmed confirmed -> {
                next.confirmedAt = earliest(confirmedAt, confirmed.occurredAt());
                next.fillCustomer(confirmed.customerId(), confirmed.customerEmail(), confirmed.total());
                next.shipment = withTrackingNumber(next.shipment, confirmed.trackingNumber());
            }
            case OrderFact.Cancelled cancelled -> {
                next.cancelledAt = earliest(cancelledAt, cancelled.occurredAt());
                next.reason = own(reason, cancelled.reason());
                next.fillCustomer(cancelled.customerId(), cancelled.customerEmail(), cancelled.total());
            }
            case OrderFact.InventoryReserved reserved -> {
                next.inventory = new Inventory(
                        null,
                        own(inventory.reservationId(), reserved.reservationId()),
                        inventory.reason(),
                        inventory.unavailableSkus(),
                        earliest(inventory.reservedAt(), reserved.occurredAt()),
                        inventory.rejectedAt(),
                        inventory.releasedAt());
                next.lines = lines.isEmpty() ? reserved.lines() : lines;
                next.fillCustomer(null, reserved.customerEmail(), reserved.total());
            }
            case OrderFact.InventoryRejected rejected ->
                next.inventory = new Inventory(
                        null,
                        inventory.reservationId(),
                        own(inventory.reason(), rejected.reason()),
                        rejected.unavailableSkus().isEmpty() ? inventory.unavailableSkus() : rejected.unavailableSkus(),
                        inventory.reservedAt(),
                        earliest(inventory.rejectedAt(), rejected.occurredAt()),
                        inventory.releasedAt());
            case OrderFact.InventoryReleased released ->
                next.inventory = new Inventory(
                        null,
                        fill(inventory.reservationId(), released.reservationId()),
                        inventory.reason(),
                        inventory.unavailableSkus(),
                        inventory.reservedAt(),
                        inventory.rejectedAt(),
                        earliest(inventory.releasedAt(), released.occurredAt()));
            case OrderFact.PaymentAuthorized authorized -> {
                next.payment = new Payment(
                        null,
                        own(payment.paymentId(), authorized.paymentId()),
                        own(payment.amount(), amount(authorized.amount())),
                        payment.reason(),
                        earliest(payment.authorizedAt(), authorized.occurredAt()),
                        payment.failedAt(),
                        payment.refundedAt());
                next.fillCustomer(null, authorized.customerEmail(), authorized.amount());
            }
            case OrderFact.PaymentFailed failed ->
                next.payment = new Payment(
                        null,
                        payment.paymentId(),
                        fill(payment.amount(), amount(failed.amount())),
                        own(payment.reason(), failed.reason()),
                        payment.authorizedAt(),
                        earliest(payment.failedAt(), failed.occurredAt()),
                        payment.refundedAt());
            case OrderFact.PaymentRefunded refunded ->
                next.payment = new Payment(
                        null,
                        fill(payment.paymentId(), refunded.paymentId()),
                        fill(payment.amount(), amount(refunded.amount())),
                        payment.reason(),
                        payment.authorizedAt(),
                        payment.failedAt(),
                        earliest(payment.refundedAt(), refunded.occurredAt()));
            case OrderFact.ShipmentScheduled scheduled -> {
                next.shipment = new Shipment(
                        null,
                        own(shipment.shipmentId(), scheduled.shipmentId()),
                        own(shipment.carrier(), scheduled.carrier()),
                        own(shipment.trackingNumber(), scheduled.trackingNumber()),
                        own(shipment.estimatedDelivery(), scheduled.estimatedDelivery()),
                        shipment.reason(),
                        shipment.country(),
                        earliest(shipment.scheduledAt(), scheduled.occurredAt()),
                        shipment.failedAt());
                next.fillCustomer(null, scheduled.customerEmail(), null);
            }
            case OrderFact.ShipmentFailed failed ->
                next.shipment = new Shipment(
                        null,
                        shipment.shipmentId(),
                        shipment.carrier(),
                        shipment.trackingNumber(),
                        shipment.estimatedDelivery(),
                        own(shipment.reason(), failed.reason()),
                        own(shipment.country(), failed.country()),
                        shipment.scheduledAt(),
                        earliest(shipment.failedAt(), failed.occurredAt()));
        }
        return next.build();
    }

    /** Collects one fact's changes; {@link #build} derives every status from the result. */
    private static final class Builder {
        private final UUID orderId;
        private String customerId;
        private String customerEmail;
        private List<Line> lines;
        private BigDecimal total;
        private String currency;
        private String reason;
        private Instant placedAt;
        private Instant confirmedAt;
        private Instant cancelledAt;
        private Inventory inventory;
        private Payment payment;
        private Shipment shipment;
        private Instant lastEventAt;

        Builder(OrderDocument document) {
            orderId = document.orderId;
            customerId = document.customerId;
            customerEmail = document.customerEmail;
            lines = document.lines;
            total = document.total;
            currency = document.currency;
            reason = document.reason;
            placedAt = document.placedAt;
            confirmedAt = document.confirmedAt;
            cancelledAt = document.cancelledAt;
            inventory = document.inventory;
            payment = document.payment;
            shipment = document.shipment;
            lastEventAt = document.lastEventAt;
        }

        /** Values OrderPlaced owns, carried by later events too: they fill in only what is missing. */
        void fillCustomer(String customerId, String customerEmail, OrderFact.Amount total) {
            this.customerId = fill(this.customerId, customerId);
            this.customerEmail = fill(this.customerEmail, customerEmail);
            this.total = fill(this.total, amount(total));
            this.currency = fill(this.currency, currency(total));
        }

        OrderDocument build() {
            OrderStatus status = cancelledAt != null
                    ? OrderStatus.CANCELLED
                    : confirmedAt != null ? OrderStatus.CONFIRMED : OrderStatus.PLACED;
            boolean ended = status != OrderStatus.PLACED;
            StepStatus nothingYet = ended ? StepStatus.NONE : StepStatus.PENDING;
            StepStatus inventoryStatus = inventory.releasedAt() != null
                    ? StepStatus.RELEASED
                    : inventory.rejectedAt() != null
                            ? StepStatus.REJECTED
                            : inventory.reservedAt() != null
                                    // Inventory commits a reservation on OrderConfirmed, without an event.
                                    ? (confirmedAt != null ? StepStatus.COMMITTED : StepStatus.RESERVED)
                                    : nothingYet;
            StepStatus paymentStatus = payment.refundedAt() != null
                    ? StepStatus.REFUNDED
                    : payment.failedAt() != null
                            ? StepStatus.DECLINED
                            : payment.authorizedAt() != null ? StepStatus.AUTHORIZED : nothingYet;
            StepStatus shipmentStatus = shipment.failedAt() != null
                    ? StepStatus.FAILED
                    : shipment.scheduledAt() != null
                            // Shipping cancels a scheduled shipment on OrderCancelled, without an event.
                            ? (cancelledAt != null ? StepStatus.CANCELLED : StepStatus.SCHEDULED)
                            : nothingYet;
            return new OrderDocument(
                    orderId,
                    customerId,
                    customerEmail,
                    lines,
                    total,
                    currency,
                    status,
                    status == OrderStatus.CANCELLED ? reason : null,
                    placedAt,
                    confirmedAt,
                    cancelledAt,
                    new Inventory(
                            inventoryStatus,
                            inventory.reservationId(),
                            inventory.reason(),
                            inventory.unavailableSkus(),
                            inventory.reservedAt(),
                            inventory.rejectedAt(),
                            inventory.releasedAt()),
                    new Payment(
                            paymentStatus,
                            payment.paymentId(),
                            payment.amount(),
                            payment.reason(),
                            payment.authorizedAt(),
                            payment.failedAt(),
                            payment.refundedAt()),
                    new Shipment(
                            shipmentStatus,
                            shipment.shipmentId(),
                            shipment.carrier(),
                            shipment.trackingNumber(),
                            shipment.estimatedDelivery(),
                            shipment.reason(),
                            shipment.country(),
                            shipment.scheduledAt(),
                            shipment.failedAt()),
                    lastEventAt);
        }
    }

    private static Shipment withTrackingNumber(Shipment shipment, String trackingNumber) {
        return new Shipment(
                shipment.status(),
                shipment.shipmentId(),
                shipment.carrier(),
                fill(shipment.trackingNumber(), trackingNumber),
                shipment.estimatedDelivery(),
                shipment.reason(),
                shipment.country(),
                shipment.scheduledAt(),
                shipment.failedAt());
    }

    /** The owning event's value wins over what others filled in. */
    private static <T> T own(T current, T owned) {
        return owned != null ? owned : current;
    }

    /** A value carried by an event that does not own it: only where nothing is known yet. */
    private static <T> T fill(T current, T carried) {
        return current != null ? current : carried;
    }

    private static Instant earliest(Instant current, Instant seen) {
        return current == null || (seen != null && seen.isBefore(current)) ? seen : current;
    }

    private static Instant latest(Instant current, Instant seen) {
        return current == null || (seen != null && seen.isAfter(current)) ? seen : current;
    }

    private static BigDecimal amount(OrderFact.Amount amount) {
        return amount == null ? null : amount.value();
    }

    private static String currency(OrderFact.Amount amount) {
        return amount == null ? null : amount.currency();
    }
}
