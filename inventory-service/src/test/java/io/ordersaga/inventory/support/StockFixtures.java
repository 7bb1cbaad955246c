package io.ordersaga.inventory.support;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Products of one test, with SKUs no other test uses, and their stock as the database holds it. */
public final class StockFixtures {

    /** A product's stock counters. */
    public record Stock(int onHand, int reserved) {}

    private final JdbcTemplate jdbc;

    public StockFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a product with {@code onHand} units and nothing reserved; returns its SKU. */
    public String product(int onHand) {
        String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.update(
                "insert into products (sku, name, unit_price, currency, on_hand) values (?, ?, 10.00, 'EUR', ?)",
                sku,
                "Test product " + sku,
                onHand);
        return sku;
    }

    public Stock stock(String sku) {
        return jdbc.queryForObject(
                "select on_hand, reserved from products where sku = ?",
                (rs, row) -> new Stock(rs.getInt("on_hand"), rs.getInt("reserved")),
                sku);
    }

    /** The status of the order's reservation, or null when inventory has no record of the order. */
    public String reservationStatus(UUID orderId) {
        return jdbc
                .query(
                        "select status from reservations where order_id = ?",
                        (rs, row) -> rs.getString("status"),
                        orderId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Whether inventory has handled the event (or skipped it as a duplicate of one it handled). */
    public boolean handled(UUID eventId) {
        Integer rows = jdbc.queryForObject(
                "select count(*) from inbox where consumer = 'inventory' and event_id = ?", Integer.class, eventId);
        return rows != null && rows > 0;
    }
}
