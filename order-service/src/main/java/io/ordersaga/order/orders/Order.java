package io.ordersaga.order.orders;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * The order aggregate and the saga's state machine.
 *
 * <pre>
 * PENDING -> INVENTORY_RESERVED -> PAYMENT_AUTHORIZED -> CONFIRMED (shipment scheduled)
 *    \______________________\______________________\---> CANCELLED (reason)
 * </pre>
 *
 * <p>Every reply method is idempotent and may arrive in any order: replies come from different
 * topics, so a PaymentAuthorized can overtake the InventoryReserved it follows. A success reply
 * therefore moves the order forward to the state it implies (or reports {@link
 * Transition#ALREADY_APPLIED} if the order is already there or further), and a failure reply
 * cancels any order in flight. A terminal order never moves again: a late reply is {@link
 * Transition#IGNORED_AFTER_TERMINAL}. Undoing what that late reply did (releasing stock,
 * refunding a payment) is not the order's job: the other services compensate when they see
 * OrderCancelled, whichever of the two they receive first.
 */
@Entity
@Table(name = "orders")
public class Order {

    static final int MONEY_SCALE = 2;

    @Id
    private UUID id;

    @Version
    private Long version;

    private String customerId;
    private String customerEmail;
    private String currency;
    private BigDecimal total;

    @Embedded
    private ShippingAddress shippingAddress;

    private String paymentToken;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    private CancellationReason cancellationReason;

    private String trackingNumber;
    private Instant placedAt;
    private Instant completedAt;

    // The lines and the timeline are values of this order alone, kept as JSON arrays in its row
    // (V4__order_is_one_row.sql): a reply's new timeline entry is written by the update of the order
    // it makes anyway. Neither list is changed in place: a new entry replaces the timeline with a
    // longer one, which Hibernate's dirty check tells from the loaded value by equality. Immutability
    // says so to Hibernate, which otherwise keeps a deep copy of every loaded JSON value (written out
    // and parsed again) to detect changes made in place.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<OrderLine> lines = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<TimelineEntry> timeline = List.of();

    protected Order() {}

    private Order(UUID id, PlaceOrder command, Instant at) {
        if (command.lines().isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = command.customerId();
        this.customerEmail = command.customerEmail();
        this.currency = command.currency();
        this.lines = List.copyOf(command.lines());
        this.total = command.lines().stream()
                .map(OrderLine::lineTotal)
                .reduce(BigDecimal.ZERO.setScale(MONEY_SCALE), BigDecimal::add);
        this.shippingAddress = command.shippingAddress();
        this.paymentToken = command.paymentToken();
        this.status = OrderStatus.PENDING;
        this.placedAt = at;
        record(SagaStep.PLACED, null, at);
    }

    /** A new order, PENDING, waiting for inventory. */
    public static Order place(UUID id, PlaceOrder command, Instant at) {
        return new Order(id, command, at);
    }

    public Transition inventoryReserved(Instant at) {
        return advance(OrderStatus.INVENTORY_RESERVED, SagaStep.INVENTORY_RESERVED, at);
    }

    public Transition inventoryRejected(Instant at) {
        return fail(SagaStep.INVENTORY_REJECTED, CancellationReason.OUT_OF_STOCK, at);
    }

    /**
     * Payment authorized {@code amount}; only the order's total, in the order's currency, moves the
     * order on. A late reply for a cancelled order is ignored whatever its amount: payment refunds
     * what it captured when it sees OrderCancelled.
     *
     * @throws AuthorizedAmountMismatchException if the order is not cancelled and the amount or the
     *     currency is not the order's
     */
    public Transition paymentAuthorized(BigDecimal amount, String currency, Instant at) {
        if (status != OrderStatus.CANCELLED && (amount.compareTo(total) != 0 || !this.currency.equals(currency))) {
            throw new AuthorizedAmountMismatchException(id, amount, currency, total, this.currency);
        }
        return advance(OrderStatus.PAYMENT_AUTHORIZED, SagaStep.PAYMENT_AUTHORIZED, at);
    }

    public Transition paymentFailed(Instant at) {
        return fail(SagaStep.PAYMENT_FAILED, CancellationReason.PAYMENT_DECLINED, at);
    }

    /** The shipment is scheduled: the saga succeeded and the order is CONFIRMED. */
    public Transition shipmentScheduled(String trackingNumber, Instant at) {
        if (status == OrderStatus.CANCELLED) {
            return Transition.IGNORED_AFTER_TERMINAL;
        }
        if (status == OrderStatus.CONFIRMED) {
            return Transition.ALREADY_APPLIED;
        }
        this.trackingNumber = trackingNumber;
        record(SagaStep.SHIPMENT_SCHEDULED, trackingNumber, at);
        status = OrderStatus.CONFIRMED;
        completedAt = at;
        record(SagaStep.CONFIRMED, null, at);
        return Transition.APPLIED;
    }

    public Transition shipmentFailed(Instant at) {
        return fail(SagaStep.SHIPMENT_FAILED, CancellationReason.SHIPPING_UNAVAILABLE, at);
    }

    /**
     * The customer cancels. Allowed while the order is in flight; once the shipment is scheduled the
     * order is CONFIRMED, and a terminal order cannot be cancelled.
     *
     * @throws OrderNotCancellableException if the order is terminal
     */
    public void cancelByCustomer(Instant at) {
        if (status.isTerminal()) {
            throw new OrderNotCancellableException(id, status);
        }
        record(SagaStep.CANCELLATION_REQUESTED, null, at);
        cancel(CancellationReason.CUSTOMER_REQUEST, at);
    }

    /** The saga's deadline passed: cancel with TIMEOUT, unless the order already ended. */
    public Transition expire(Instant at) {
        if (status.isTerminal()) {
            return Transition.IGNORED_AFTER_TERMINAL;
        }
        record(SagaStep.DEADLINE_PASSED, null, at);
        cancel(CancellationReason.TIMEOUT, at);
        return Transition.APPLIED;
    }

    private Transition advance(OrderStatus target, SagaStep step, Instant at) {
        if (status == OrderStatus.CANCELLED) {
            return Transition.IGNORED_AFTER_TERMINAL;
        }
        if (status.hasReached(target)) {
            return Transition.ALREADY_APPLIED;
        }
        status = target;
        record(step, null, at);
        return Transition.APPLIED;
    }

    private Transition fail(SagaStep step, CancellationReason reason, Instant at) {
        if (status == OrderStatus.CANCELLED && cancellationReason == reason) {
            return Transition.ALREADY_APPLIED;
        }
        if (status.isTerminal()) {
            return Transition.IGNORED_AFTER_TERMINAL;
        }
        record(step, null, at);
        cancel(reason, at);
        return Transition.APPLIED;
    }

    private void cancel(CancellationReason reason, Instant at) {
        status = OrderStatus.CANCELLED;
        cancellationReason = reason;
        completedAt = at;
        record(SagaStep.CANCELLED, reason.name(), at);
    }

    private void record(SagaStep step, String detail, Instant at) {
        timeline = Stream.concat(timeline.stream(), Stream.of(new TimelineEntry(step, at, detail)))
                .toList();
    }

    public UUID id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public String customerEmail() {
        return customerEmail;
    }

    /** ISO 4217 code of the order's currency; every amount of the order is in it. */
    public String currency() {
        return currency;
    }

    /** Sum of the lines, scale 2. */
    public BigDecimal total() {
        return total;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    /** The tokenized payment method, for OrderPlaced; never exposed over REST. */
    public String paymentToken() {
        return paymentToken;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<CancellationReason> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    public Optional<String> trackingNumber() {
        return Optional.ofNullable(trackingNumber);
    }

    public Instant placedAt() {
        return placedAt;
    }

    /** When the order reached CONFIRMED or CANCELLED. */
    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    /** Placed to terminal; empty while in flight. */
    public Optional<Duration> sagaDuration() {
        return completedAt().map(end -> Duration.between(placedAt, end));
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }
}
