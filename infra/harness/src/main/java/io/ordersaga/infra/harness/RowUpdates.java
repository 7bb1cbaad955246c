package io.ordersaga.infra.harness;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How many rows of a table the current transaction updated, and how many of those updates were
 * heap-only (HOT: no new entry in any of the table's indexes), from PostgreSQL's statistics of the
 * transaction. The counts a backend has not reported yet include its earlier transactions, so a test
 * takes one before and one after the work it examines, on the transaction's connection, and
 * compares them with {@link #since}.
 *
 * @param updated rows updated
 * @param heapOnly of those, updated without touching an index
 */
public record RowUpdates(long updated, long heapOnly) {

    /** The counts so far for {@code table} on {@code connection}, inside its open transaction. */
    public static RowUpdates of(Connection connection, String table) {
        try (var statement = connection.prepareStatement(
                "select pg_stat_get_xact_tuples_updated(?::regclass), pg_stat_get_xact_tuples_hot_updated(?::regclass)")) {
            statement.setString(1, table);
            statement.setString(2, table);
            try (var result = statement.executeQuery()) {
                result.next();
                return new RowUpdates(result.getLong(1), result.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the row statistics of " + table, e);
        }
    }

    /** What was counted between {@code before} and these counts. */
    public RowUpdates since(RowUpdates before) {
        return new RowUpdates(updated - before.updated, heapOnly - before.heapOnly);
    }
}
