package io.ordersaga.systemtest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Checks SPEC.md's saga invariants across the four saga services' databases, read-only, and the
 * read side when it runs (4: e-mails, 5: the search index):
 *
 * <ol>
 *   <li>Every accepted order reaches CONFIRMED or CANCELLED: none is missing, none is in flight longer
 *       than the saga deadline allows, and no participant acted on an order the order service does
 *       not know.
 *   <li>Stock is conserved: on-hand = initial - units of COMMITTED reservations, reserved = units of
 *       RESERVED reservations, neither negative; a CONFIRMED order's reservation is COMMITTED with the
 *       order's lines, a CANCELLED order holds no stock.
 *   <li>Money is conserved: captured - refunded = total of the CONFIRMED orders; a CONFIRMED order's
 *       payment is AUTHORIZED for its total, a CANCELLED order keeps no authorized payment, a declined
 *       payment never confirms; a CONFIRMED order has a SCHEDULED shipment, a CANCELLED one none.
 *   <li>At most one e-mail per order and kind in the SMTP server's mailbox, and a terminal order's
 *       e-mails all there, and none its end does not call for.
 *   <li>The search index has every order with the order database's status.
 * </ol>
 *
 * <p>The services are eventually consistent: a compensation runs a moment after the order ended. Check
 * once the system is quiet ({@link #quiescent()}) and retry until the report holds or a timeout passes;
 * a violation that persists is real. Orders in flight are only checked for being stuck.
 */
public final class SagaInvariants {

    private static final Set<String> TERMINAL = Set.of("CONFIRMED", "CANCELLED");

    private final SagaDatabases databases;
    private final Duration stuckAfter;
    private final Optional<Mailbox> mailbox;
    private final Optional<OrderIndex> index;

    /**
     * Invariants 1 to 3 only.
     *
     * @param stuckAfter how long an order may stay in flight: the order service's saga deadline plus a
     *     margin for its check interval and a busy machine
     */
    public SagaInvariants(SagaDatabases databases, Duration stuckAfter) {
        this(databases, stuckAfter, Optional.empty(), Optional.empty());
    }

    /**
     * Invariants 1 to 3, 4 when there is a {@code mailbox} (notification-service runs) and 5 when
     * there is an {@code index} (search-projection-service runs).
     */
    public SagaInvariants(
            SagaDatabases databases, Duration stuckAfter, Optional<Mailbox> mailbox, Optional<OrderIndex> index) {
        this.databases = databases;
        this.stuckAfter = stuckAfter;
        this.mailbox = mailbox;
        this.index = index;
    }

    /** Each product's stock now: the baseline of invariant 2. */
    public StockBaseline captureStock() {
        try (Connection inventory = databases.inventory()) {
            // Both reads in one snapshot: a reservation committed between them (the system need not be
            // quiet, e.g. right after the load test's warm-up) would count its units in the committed
            // baseline but not in the on-hand one, and invariant 2 would be off by them for good.
            inventory.setAutoCommit(false);
            inventory.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            var baseline = new StockBaseline(
                    products(inventory).entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().onHand)),
                    committedUnits(reservations(inventory)));
            inventory.commit();
            return baseline;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inventory database", e);
        }
    }

    /** Whether no order is in flight: nothing left for the saga to do but compensations. */
    public boolean quiescent() {
        try (Connection orders = databases.orders();
                var statement = orders.createStatement();
                var rows = statement.executeQuery(
                        "select count(*) from orders where status not in ('CONFIRMED', 'CANCELLED')")) {
            rows.next();
            return rows.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the orders database", e);
        }
    }

    /** Checks every order in the databases against {@code stock}. */
    public InvariantReport check(StockBaseline stock) {
        return check(stock, List.of());
    }

    /**
     * Checks every order in the databases against {@code stock}, and that each of {@code acceptedOrders}
     * (the ids POST /orders answered with) exists.
     */
    public InvariantReport check(StockBaseline stock, Collection<UUID> acceptedOrders) {
        try (Connection ordersDb = databases.orders();
                Connection inventoryDb = databases.inventory();
                Connection paymentsDb = databases.payments();
                Connection shipmentsDb = databases.shipments()) {
            Map<UUID, Order> orders = orders(ordersDb);
            Map<String, Product> products = products(inventoryDb);
            Map<UUID, Reservation> reservations = reservations(inventoryDb);
            Map<UUID, Payment> payments = payments(paymentsDb);
            Map<UUID, String> shipments = shipments(shipmentsDb);
            var check = new Check(orders, products, reservations, payments, shipments);
            // Read after the databases: what the read side lags behind is already in them.
            mailbox.ifPresent(box -> check.oneEmailPerOrderAndKind(box.delivered()));
            index.ifPresent(orderIndex -> check.indexConverged(orderIndex.statuses()));
            return check.run(stock, acceptedOrders);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the saga's databases", e);
        }
    }

    private final class Check {
        private final Map<UUID, Order> orders;
        private final Map<String, Product> products;
        private final Map<UUID, Reservation> reservations;
        private final Map<UUID, Payment> payments;
        private final Map<UUID, String> shipments;
        private final List<String> violations = new ArrayList<>();
        private final Map<Integer, String> checked = new HashMap<>();

        Check(
                Map<UUID, Order> orders,
                Map<String, Product> products,
                Map<UUID, Reservation> reservations,
                Map<UUID, Payment> payments,
                Map<UUID, String> shipments) {
            this.orders = orders;
            this.products = products;
            this.reservations = reservations;
            this.payments = payments;
            this.shipments = shipments;
        }

        InvariantReport run(StockBaseline stock, Collection<UUID> acceptedOrders) {
            everyOrderEnds(acceptedOrders);
            stockIsConserved(stock);
            var money = moneyIsConserved();
            shipmentsMatchOutcomes();
            long confirmed = orders.values().stream()
                    .filter(o -> o.status.equals("CONFIRMED"))
                    .count();
            long cancelled = orders.values().stream()
                    .filter(o -> o.status.equals("CANCELLED"))
                    .count();
            long inFlight = orders.size() - confirmed - cancelled;
            checked.put(
                    1,
                    "%,d orders, %,d in flight; accepted ids looked up: %,d; the participants' records of them: %,d reservations, %,d payments, %,d shipments"
                            .formatted(
                                    orders.size(),
                                    inFlight,
                                    acceptedOrders.size(),
                                    reservations.size(),
                                    payments.size(),
                                    shipments.size()));
            return new InvariantReport(
                    orders.size(),
                    (int) confirmed,
                    (int) cancelled,
                    (int) inFlight,
                    money[0],
                    money[1],
                    money[2],
                    violations,
                    checked);
        }

        /** Invariant 1. */
        private void everyOrderEnds(Collection<UUID> acceptedOrders) {
            for (UUID id : acceptedOrders) {
                if (!orders.containsKey(id)) {
                    violations.add("1: accepted order %s is missing from the orders database".formatted(id));
                }
            }
            Instant stuckBefore = Instant.now().minus(stuckAfter);
            for (Order order : orders.values()) {
                if (!order.terminal() && order.placedAt.isBefore(stuckBefore)) {
                    violations.add("1: order %s is still %s, placed at %s, longer than %s ago"
                            .formatted(order.id, order.status, order.placedAt, stuckAfter));
                }
                if (order.terminal() && order.completedAt == null) {
                    violations.add("1: order %s is %s without a completion time".formatted(order.id, order.status));
                }
            }
            unknownOrders("inventory reservation", reservations.keySet());
            unknownOrders("payment", payments.keySet());
            unknownOrders("shipment", shipments.keySet());
        }

        private void unknownOrders(String what, Set<UUID> orderIds) {
            for (UUID id : orderIds) {
                if (!orders.containsKey(id)) {
                    violations.add("1: %s for order %s, which the order service does not know".formatted(what, id));
                }
            }
        }

        /** Invariant 2. */
        private void stockIsConserved(StockBaseline stock) {
            Map<String, Integer> reservedUnits = new HashMap<>();
            reservations.values().stream()
                    .filter(r -> r.status.equals("RESERVED"))
                    .forEach(r -> r.lines.forEach((sku, quantity) -> reservedUnits.merge(sku, quantity, Integer::sum)));
            Map<String, Integer> committedUnits = committedUnits(reservations);
            int againstBaseline = 0;
            long shippedSinceBaseline = 0;
            for (Product product : products.values()) {
                if (product.onHand < 0 || product.reserved < 0 || product.reserved > product.onHand) {
                    violations.add("2: product %s has on-hand %d and reserved %d"
                            .formatted(product.sku, product.onHand, product.reserved));
                }
                int reserved = reservedUnits.getOrDefault(product.sku, 0);
                if (product.reserved != reserved) {
                    violations.add("2: product %s has %d units reserved, its RESERVED reservations hold %d"
                            .formatted(product.sku, product.reserved, reserved));
                }
                if (stock.onHand().containsKey(product.sku)) {
                    int committedNow = committedUnits.getOrDefault(product.sku, 0);
                    againstBaseline++;
                    shippedSinceBaseline += stock.committedSince(product.sku, committedNow);
                    int expected = stock.expectedOnHand(product.sku, committedNow);
                    if (product.onHand != expected) {
                        violations.add("2: product %s has %d units on hand, expected %d (initial %d - committed since)"
                                .formatted(
                                        product.sku,
                                        product.onHand,
                                        expected,
                                        stock.onHand().get(product.sku)));
                    }
                }
            }
            for (Order order : orders.values()) {
                Reservation reservation = reservations.get(order.id);
                String status = reservation == null ? "none" : reservation.status;
                if (order.status.equals("CONFIRMED")) {
                    if (!status.equals("COMMITTED")) {
                        violations.add(
                                "2: CONFIRMED order %s has reservation %s, not COMMITTED".formatted(order.id, status));
                    } else if (!reservation.lines.equals(order.lines)) {
                        violations.add("2: CONFIRMED order %s ordered %s but committed %s"
                                .formatted(order.id, order.lines, reservation.lines));
                    }
                } else if (order.status.equals("CANCELLED")
                        && (status.equals("RESERVED") || status.equals("COMMITTED"))) {
                    violations.add("2: CANCELLED order %s (%s) still has its stock %s"
                            .formatted(order.id, order.reason, status));
                }
                if (!order.terminal() && status.equals("COMMITTED")) {
                    violations.add("2: order %s is %s but its stock was COMMITTED".formatted(order.id, order.status));
                }
            }
            checked.put(
                    2,
                    "%,d products, %,d of them against the baseline (%,d units shipped since); %,d units reserved now"
                            .formatted(
                                    products.size(),
                                    againstBaseline,
                                    shippedSinceBaseline,
                                    reservedUnits.values().stream()
                                            .mapToLong(Integer::longValue)
                                            .sum()));
        }

        /** Invariant 3; returns the confirmed total, captured and refunded sums. */
        private BigDecimal[] moneyIsConserved() {
            BigDecimal confirmedTotal = BigDecimal.ZERO;
            BigDecimal captured = BigDecimal.ZERO;
            BigDecimal refunded = BigDecimal.ZERO;
            for (Order order : orders.values()) {
                Payment payment = payments.get(order.id);
                String status = payment == null ? "none" : payment.status;
                if (order.status.equals("CONFIRMED")) {
                    confirmedTotal = confirmedTotal.add(order.total);
                    if (!status.equals("AUTHORIZED")) {
                        violations.add(
                                "3: CONFIRMED order %s has payment %s, not AUTHORIZED".formatted(order.id, status));
                    } else if (payment.amount.compareTo(order.total) != 0 || !payment.currency.equals(order.currency)) {
                        violations.add("3: CONFIRMED order %s totals %s %s but %s %s was authorized"
                                .formatted(order.id, order.total, order.currency, payment.amount, payment.currency));
                    }
                } else if (order.status.equals("CANCELLED") && status.equals("AUTHORIZED")) {
                    violations.add("3: CANCELLED order %s (%s) keeps an AUTHORIZED payment of %s"
                            .formatted(order.id, order.reason, payment.amount));
                }
                if (status.equals("DECLINED") && order.status.equals("CONFIRMED")) {
                    violations.add("3: order %s is CONFIRMED although its payment was DECLINED".formatted(order.id));
                }
                if (order.terminal() && payment != null) {
                    if (status.equals("AUTHORIZED") || status.equals("REFUNDED")) {
                        captured = captured.add(payment.amount);
                    }
                    if (status.equals("REFUNDED")) {
                        refunded = refunded.add(payment.amount);
                    }
                }
            }
            if (captured.subtract(refunded).compareTo(confirmedTotal) != 0) {
                violations.add("3: captured %s - refunded %s is not the CONFIRMED orders' total %s"
                        .formatted(captured, refunded, confirmedTotal));
            }
            checked.put(
                    3,
                    "%,d payments: captured %s - refunded %s, against the CONFIRMED orders' total %s"
                            .formatted(payments.size(), captured, refunded, confirmedTotal));
            return new BigDecimal[] {confirmedTotal, captured, refunded};
        }

        /**
         * Invariant 4: at most one e-mail per order and kind; and each the right one: a CONFIRMED
         * order's customer got ORDER_CONFIRMED and SHIPMENT_SCHEDULED, a CANCELLED one's
         * ORDER_CANCELLED, and nobody an e-mail their order's end does not call for (a shipment
         * booked for an order that was being cancelled is never announced).
         */
        void oneEmailPerOrderAndKind(List<Mailbox.DeliveredEmail> delivered) {
            Map<Mailbox.DeliveredEmail, Long> counts = delivered.stream()
                    .collect(java.util.stream.Collectors.groupingBy(
                            email -> email, java.util.stream.Collectors.counting()));
            counts.forEach((email, count) -> {
                if (count > 1) {
                    violations.add(
                            "4: order %s got %d e-mails of kind %s".formatted(email.orderId(), count, email.kind()));
                }
                Order order = orders.get(email.orderId());
                if (order == null) {
                    violations.add("4: an e-mail of kind %s about order %s, which the order service does not know"
                            .formatted(email.kind(), email.orderId()));
                } else if (TERMINAL.contains(order.status)
                        && !emailsOwed(order.status).contains(email.kind())) {
                    violations.add("4: %s order %s got a %s e-mail".formatted(order.status, order.id, email.kind()));
                }
            });
            for (Order order : orders.values()) {
                for (String kind : emailsOwed(order.status)) {
                    if (!counts.containsKey(new Mailbox.DeliveredEmail(order.id, kind))) {
                        violations.add("4: %s order %s has no %s e-mail".formatted(order.status, order.id, kind));
                    }
                }
            }
            checked.put(
                    4,
                    "%,d e-mails about %,d orders"
                            .formatted(
                                    delivered.size(),
                                    counts.keySet().stream()
                                            .map(Mailbox.DeliveredEmail::orderId)
                                            .distinct()
                                            .count()));
        }

        /**
         * Invariant 5: every order is in the search index, a terminal one with the order database's
         * status (an order in flight is PENDING there and PLACED in the index).
         */
        void indexConverged(Map<UUID, String> indexed) {
            for (Order order : orders.values()) {
                String status = indexed.get(order.id);
                if (status == null) {
                    violations.add("5: order %s (%s) is not in the search index".formatted(order.id, order.status));
                } else if (order.terminal() && !order.status.equals(status)) {
                    violations.add(
                            "5: order %s is %s but the search index says %s".formatted(order.id, order.status, status));
                }
            }
            for (UUID id : indexed.keySet()) {
                if (!orders.containsKey(id)) {
                    violations.add(
                            "5: the search index has order %s, which the order service does not know".formatted(id));
                }
            }
            checked.put(5, "%,d orders in the search index".formatted(indexed.size()));
        }

        private void shipmentsMatchOutcomes() {
            for (Order order : orders.values()) {
                String status = shipments.getOrDefault(order.id, "none");
                if (order.status.equals("CONFIRMED") && !status.equals("SCHEDULED")) {
                    violations.add("3: CONFIRMED order %s has shipment %s, not SCHEDULED".formatted(order.id, status));
                } else if (order.status.equals("CANCELLED") && status.equals("SCHEDULED")) {
                    violations.add("3: CANCELLED order %s (%s) still has a SCHEDULED shipment"
                            .formatted(order.id, order.reason));
                }
            }
        }
    }

    /**
     * The e-mails (by kind) an order in {@code status} is owed: a CONFIRMED order's customer
     * ORDER_CONFIRMED and SHIPMENT_SCHEDULED, a CANCELLED one's ORDER_CANCELLED, an order in flight
     * none yet.
     */
    public static List<String> emailsOwed(String status) {
        return switch (status) {
            case "CONFIRMED" -> List.of("ORDER_CONFIRMED", "SHIPMENT_SCHEDULED");
            case "CANCELLED" -> List.of("ORDER_CANCELLED");
            default -> List.of();
        };
    }

    private static Map<String, Integer> committedUnits(Map<UUID, Reservation> reservations) {
        Map<String, Integer> units = new HashMap<>();
        reservations.values().stream()
                .filter(r -> r.status.equals("COMMITTED"))
                .forEach(r -> r.lines.forEach((sku, quantity) -> units.merge(sku, quantity, Integer::sum)));
        return units;
    }

    private static Map<UUID, Order> orders(Connection db) throws SQLException {
        Map<UUID, Order> orders = new HashMap<>();
        try (var statement = db.createStatement();
                var rows = statement.executeQuery(
                        "select id, status, cancellation_reason, total, currency, placed_at, completed_at from orders")) {
            while (rows.next()) {
                var id = rows.getObject("id", UUID.class);
                var completed = rows.getTimestamp("completed_at");
                orders.put(
                        id,
                        new Order(
                                id,
                                rows.getString("status"),
                                rows.getString("cancellation_reason"),
                                rows.getBigDecimal("total"),
                                rows.getString("currency"),
                                rows.getTimestamp("placed_at").toInstant(),
                                completed == null ? null : completed.toInstant(),
                                new TreeMap<>()));
            }
        }
        try (var statement = db.createStatement();
                var rows = statement.executeQuery(
                        "select o.id as order_id, line ->> 'sku' as sku, sum((line ->> 'quantity')::int) as units"
                                + " from orders o cross join lateral jsonb_array_elements(o.lines) line"
                                + " group by o.id, line ->> 'sku'")) {
            while (rows.next()) {
                var order = orders.get(rows.getObject("order_id", UUID.class));
                if (order != null) {
                    order.lines.put(rows.getString("sku"), rows.getInt("units"));
                }
            }
        }
        return orders;
    }

    private static Map<String, Product> products(Connection db) throws SQLException {
        Map<String, Product> products = new TreeMap<>();
        try (var statement = db.createStatement();
                var rows = statement.executeQuery("select sku, on_hand, reserved from products")) {
            while (rows.next()) {
                String sku = rows.getString("sku");
                products.put(sku, new Product(sku, rows.getInt("on_hand"), rows.getInt("reserved")));
            }
        }
        return products;
    }

    private static Map<UUID, Reservation> reservations(Connection db) throws SQLException {
        Map<UUID, Reservation> reservations = new HashMap<>();
        // One row per line (and one for a reservation without lines, whose SKU is null).
        try (var statement = db.createStatement();
                var rows = statement.executeQuery("select r.order_id, r.status, line ->> 'sku' as sku,"
                        + " (line ->> 'quantity')::int as quantity"
                        + " from reservations r left join lateral jsonb_array_elements(r.lines) line on true")) {
            while (rows.next()) {
                var id = rows.getObject("order_id", UUID.class);
                var reservation =
                        reservations.computeIfAbsent(id, key -> new Reservation(uncheckedString(rows, "status")));
                String sku = rows.getString("sku");
                if (sku != null) {
                    reservation.lines.merge(sku, rows.getInt("quantity"), Integer::sum);
                }
            }
        }
        return reservations;
    }

    private static String uncheckedString(java.sql.ResultSet rows, String column) {
        try {
            return rows.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<UUID, Payment> payments(Connection db) throws SQLException {
        Map<UUID, Payment> payments = new HashMap<>();
        try (var statement = db.createStatement();
                var rows = statement.executeQuery("select order_id, status, amount, currency from payments")) {
            while (rows.next()) {
                payments.put(
                        rows.getObject("order_id", UUID.class),
                        new Payment(
                                rows.getString("status"), rows.getBigDecimal("amount"), rows.getString("currency")));
            }
        }
        return payments;
    }

    private static Map<UUID, String> shipments(Connection db) throws SQLException {
        Map<UUID, String> shipments = new HashMap<>();
        try (var statement = db.createStatement();
                var rows = statement.executeQuery("select order_id, status from shipments")) {
            while (rows.next()) {
                shipments.put(rows.getObject("order_id", UUID.class), rows.getString("status"));
            }
        }
        return shipments;
    }

    private record Order(
            UUID id,
            String status,
            String reason,
            BigDecimal total,
            String currency,
            Instant placedAt,
            Instant completedAt,
            Map<String, Integer> lines) {
        boolean terminal() {
            return TERMINAL.contains(status);
        }
    }

    private record Product(String sku, int onHand, int reserved) {}

    private record Reservation(String status, Map<String, Integer> lines) {
        Reservation(String status) {
            this(status, new TreeMap<>());
        }
    }

    private record Payment(String status, BigDecimal amount, String currency) {}
}
