package io.ordersaga.order.orders;

import io.ordersaga.persistence.TimeOrderedUuids;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order service's use cases: placing and cancelling orders over REST, and applying the saga's
 * replies that the event handlers receive. Each method is one transaction in which the order changes
 * and, if the change must be announced, {@link OrderEvents} is called.
 */
@Service
@Transactional
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

    private final Orders orders;
    private final IdempotencyKeys idempotencyKeys;
    private final OrderEvents events;
    private final SagaMetrics metrics;
    private final Clock clock;

    OrderManagement(
            Orders orders, IdempotencyKeys idempotencyKeys, OrderEvents events, SagaMetrics metrics, Clock clock) {
        this.orders = orders;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Places an order, or, when {@code idempotencyKey} was already used for the same request, returns
     * the order placed then.
     *
     * @throws IdempotencyKeyReusedException if the key was used for a different request
     */
    public Order place(PlaceOrder command, Optional<String> idempotencyKey) {
        var id = TimeOrderedUuids.next(clock);
        var now = clock.instant();
        if (idempotencyKey.isPresent()) {
            var key = idempotencyKey.get();
            var hash = fingerprint(command);
            if (!idempotencyKeys.claim(key, hash, id, now)) {
                var claimed = idempotencyKeys.find(key).orElseThrow();
                if (!claimed.requestHash().equals(hash)) {
                    throw new IdempotencyKeyReusedException(key);
                }
                return orders.findById(claimed.orderId()).orElseThrow();
            }
        }
        var order = orders.save(Order.place(id, command, now));
        events.placed(order);
        return order;
    }

    /** The order, with its lines and timeline: one row. */
    @Transactional(readOnly = true)
    public Optional<Order> find(UUID orderId) {
        return orders.findById(orderId);
    }

    /**
     * The customer cancels an order in flight (reason CUSTOMER_REQUEST); returns the cancelled order
     * as the API shows it.
     *
     * @throws OrderNotFoundException if there is no such order
     * @throws OrderNotCancellableException if the order is CONFIRMED or CANCELLED
     */
    public OrderView cancel(UUID orderId) {
        var order = locked(orderId);
        order.cancelByCustomer(clock.instant());
        announce(order, Transition.APPLIED, Optional.empty());
        return OrderView.of(order);
    }

    /** Inventory reserved every line (InventoryReserved). */
    public Transition inventoryReserved(UUID orderId, UUID replyId) {
        return reply(orderId, replyId, "InventoryReserved", order -> order.inventoryReserved(clock.instant()));
    }

    /** Inventory could not reserve every line (InventoryRejected): cancels with OUT_OF_STOCK. */
    public Transition inventoryRejected(UUID orderId, UUID replyId) {
        return reply(orderId, replyId, "InventoryRejected", order -> order.inventoryRejected(clock.instant()));
    }

    /**
     * Payment authorized {@code amount} (PaymentAuthorized).
     *
     * @throws AuthorizedAmountMismatchException if that is not the total of an order that is not
     *     cancelled: the transaction rolls back and the order is left as it was
     */
    public Transition paymentAuthorized(UUID orderId, UUID replyId, BigDecimal amount, String currency) {
        return reply(
                orderId,
                replyId,
                "PaymentAuthorized",
                order -> order.paymentAuthorized(amount, currency, clock.instant()));
    }

    /** Payment declined (PaymentFailed): cancels with PAYMENT_DECLINED. */
    public Transition paymentFailed(UUID orderId, UUID replyId) {
        return reply(orderId, replyId, "PaymentFailed", order -> order.paymentFailed(clock.instant()));
    }

    /** Shipping scheduled the shipment (ShipmentScheduled): the order is CONFIRMED. */
    public Transition shipmentScheduled(UUID orderId, UUID replyId, String trackingNumber) {
        return reply(
                orderId,
                replyId,
                "ShipmentScheduled",
                order -> order.shipmentScheduled(trackingNumber, clock.instant()));
    }

    /** Shipping cannot ship (ShipmentFailed): cancels with SHIPPING_UNAVAILABLE. */
    public Transition shipmentFailed(UUID orderId, UUID replyId) {
        return reply(orderId, replyId, "ShipmentFailed", order -> order.shipmentFailed(clock.instant()));
    }

    /**
     * Cancels with TIMEOUT up to {@code limit} orders still in flight that were placed before {@code
     * cutoff}; rows locked by another transaction are skipped and left for the next run.
     *
     * @return how many orders were cancelled
     */
    public int expireOverdue(Instant cutoff, int limit) {
        List<Order> overdue = orders.lockOverdue(cutoff, limit);
        var now = clock.instant();
        int expired = 0;
        for (var order : overdue) {
            var transition = order.expire(now);
            announce(order, transition, Optional.empty());
            if (transition == Transition.APPLIED) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * Applies a participant's reply. {@code replyId} is the reply event's id: it becomes the causation
     * id of the OrderConfirmed or OrderCancelled the reply leads to.
     */
    private Transition reply(UUID orderId, UUID replyId, String reply, Function<Order, Transition> apply) {
        var order = locked(orderId);
        var transition = apply.apply(order);
        if (transition == Transition.IGNORED_AFTER_TERMINAL) {
            log.info(
                    "{} for order {} ignored: the order is already {}; the sender compensates on OrderCancelled",
                    reply,
                    orderId,
                    order.status());
        }
        announce(order, transition, Optional.of(replyId));
        return transition;
    }

    private Order locked(UUID orderId) {
        return orders.findLockedById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    private void announce(Order order, Transition transition, Optional<UUID> causationId) {
        if (transition != Transition.APPLIED || !order.status().isTerminal()) {
            return;
        }
        switch (order.status()) {
            case CONFIRMED -> events.confirmed(order, causationId.orElseThrow());
            case CANCELLED -> events.cancelled(order, causationId);
            default -> throw new IllegalStateException("not terminal: " + order.status());
        }
        metrics.ended(order);
    }

    /** A hash of everything the request says, so a retry can be told from a different request. */
    static String fingerprint(PlaceOrder command) {
        var canonical = new StringBuilder()
                .append(command.customerId())
                .append('\u0000')
                .append(command.customerEmail())
                .append('\u0000')
                .append(command.currency())
                .append('\u0000')
                .append(command.paymentToken());
        var address = command.shippingAddress();
        for (var part : List.of(
                address.recipientName(), address.street(), address.city(), address.postalCode(), address.country())) {
            canonical.append('\u0000').append(part);
        }
        for (var line : command.lines()) {
            canonical
                    .append('\u0001')
                    .append(line.sku())
                    .append('\u0000')
                    .append(line.quantity())
                    .append('\u0000')
                    .append(line.unitPrice().toPlainString());
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
