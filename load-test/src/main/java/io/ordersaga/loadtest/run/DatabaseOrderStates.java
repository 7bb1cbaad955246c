package io.ordersaga.loadtest.run;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Orders read from the order service's own database, read-only: the timestamps the saga recorded
 * ({@code placed_at}, {@code completed_at}) are the most direct measure of placed-to-terminal, with no
 * sampling and no histogram buckets.
 */
public final class DatabaseOrderStates implements OrderStates {

    private final ServiceDatabase database;

    public DatabaseOrderStates(String jdbcUrl, String username, String password) {
        this.database = new ServiceDatabase(jdbcUrl, username, password);
    }

    @Override
    public Map<UUID, OrderEnd> find(Collection<UUID> ids) {
        var found = new HashMap<UUID, OrderEnd>();
        database.forEachRow(
                "select id, status, cancellation_reason, placed_at, completed_at from orders where id = any(?)",
                ids,
                "the orders database",
                rows -> {
                    var id = rows.getObject("id", UUID.class);
                    var completed = rows.getTimestamp("completed_at");
                    found.put(
                            id,
                            new OrderEnd(
                                    id,
                                    rows.getString("status"),
                                    rows.getString("cancellation_reason"),
                                    rows.getTimestamp("placed_at").toInstant(),
                                    completed == null ? null : completed.toInstant()));
                });
        return found;
    }
}
