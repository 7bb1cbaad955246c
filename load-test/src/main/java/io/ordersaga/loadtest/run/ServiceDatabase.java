package io.ordersaga.loadtest.run;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Read-only queries on a service's database (the order service's, notification-service's), by order
 * id: one connection per query, the ids bound as an array ({@code where ... = any(?)}) in chunks, so
 * a run of 100,000 orders is a few statements rather than one per order or one statement too large
 * for the server.
 */
final class ServiceDatabase {

    private static final int CHUNK = 10_000;

    private final String jdbcUrl;
    private final String username;
    private final String password;

    ServiceDatabase(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** What is done with each row of the result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code sql}, whose one parameter is an array of order ids, over {@code ids} chunk by chunk,
     * handing every row to {@code reader}; {@code what} names what is read, for the error.
     */
    void forEachRow(String sql, Collection<UUID> ids, String what, RowReader reader) {
        List<UUID> all = new ArrayList<>(ids);
        try (var connection = DriverManager.getConnection(jdbcUrl, username, password)) {
            connection.setReadOnly(true);
            try (var statement = connection.prepareStatement(sql)) {
                for (int from = 0; from < all.size(); from += CHUNK) {
                    var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                    statement.setArray(1, connection.createArrayOf("uuid", chunk.toArray()));
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            reader.read(rows);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + what + " at " + jdbcUrl, e);
        }
    }
}
