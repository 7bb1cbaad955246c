package io.ordersaga.inventory.products;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The products' stock as the saga changes it: the rows locked and read, the change decided on the
 * {@link StockLevel}s, the new levels written back in one statement, in the caller's transaction.
 *
 * <p>Plain SQL rather than the {@link Product} entity, for the hottest rows of the system (every
 * order locks and changes its products twice, at reservation and at confirmation or release): one
 * update for all of an order's products instead of one per product, and none of the work of
 * loading and dirty-checking entities, whose query for a set of SKUs Hibernate translated again for
 * each order (docs/performance.md, the fifteenth round). The catalog's own changes go through the
 * entity ({@link Products#lock}).
 */
@Repository
public class ProductStock {

    // Rows are locked in SKU order (PostgreSQL locks them as the sorted rows are returned), so two
    // transactions locking overlapping sets always take the shared rows in the same order and
    // cannot deadlock. The SKUs are one array parameter, so the statement is the same for any count.
    private static final String LOCK = """
            select sku, on_hand, reserved from products
            where sku = any(?)
            order by sku
            for update""";

    private static final String SAVE = """
            update products p set on_hand = s.on_hand, reserved = s.reserved
            from unnest(cast(? as varchar[]), cast(? as integer[]), cast(? as integer[])) as s(sku, on_hand, reserved)
            where p.sku = s.sku""";

    private final JdbcClient jdbc;

    ProductStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the products with these SKUs until the transaction ends and returns their stock, in SKU
     * order; SKUs that do not exist are missing.
     */
    public List<StockLevel> lock(Collection<String> skus) {
        return jdbc.sql(LOCK)
                .param(skus.toArray(String[]::new))
                .query((row, number) -> new StockLevel(row.getString(1), row.getInt(2), row.getInt(3)))
                .list();
    }

    /** Writes these levels, of products this transaction has {@linkplain #lock locked}. */
    public void save(List<StockLevel> levels) {
        if (levels.isEmpty()) {
            return;
        }
        int updated = jdbc.sql(SAVE)
                .param(levels.stream().map(StockLevel::sku).toArray(String[]::new))
                .param(levels.stream().mapToInt(StockLevel::onHand).toArray())
                .param(levels.stream().mapToInt(StockLevel::reserved).toArray())
                .update();
        if (updated != levels.size()) {
            throw new IllegalStateException("wrote the stock of " + updated + " products of " + levels.size());
        }
    }
}
