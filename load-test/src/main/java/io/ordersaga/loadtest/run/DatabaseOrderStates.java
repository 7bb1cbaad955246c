package io.ordersaga.loadtest.run;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orders read from the order service's own database, read-only: the timestamps the saga recorded
 * ({@code placed_at}, {@code completed_at}) are the most direct measure of placed-to-terminal, with no
 * sampling and no histogram buckets.
 */
public final class DatabaseOrderStates implements OrderStates {

    private static final int CHUNK = 10_000;

    private final String jdbcUrl;
    private final String username;
    private final String password;

    public DatabaseOrderStates(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    @Override
    public Map<UUID, OrderEnd> find(Collection<UUID> ids) {
        var found = new HashMap<UUID, OrderEnd>();
        List<UUID> all = new ArrayList<>(ids);
        try (var connection = DriverManager.getConnection(jdbcUrl, username, password)) {
            connection.setReadOnly(true);
            try (var statement = connection.prepareStatement(
                    "select id, status, cancellation_reason, placed_at, completed_at from orders where id = any(?)")) {
                for (int from = 0; from < all.size(); from += CHUNK) {
                    var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                    statement.setArray(1, connection.createArrayOf("uuid", chunk.toArray()));
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
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
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the orders database at " + jdbcUrl, e);
        }
        return found;
    }
}
