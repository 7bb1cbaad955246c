package io.ordersaga.infra.harness;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creating a service's database on a harness PostgreSQL, whichever provider runs it (the embedded
 * server or the Testcontainers container).
 */
public final class PostgresDatabases {

    /** Opens a connection to a database of the server from which {@code create database} may run. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private PostgresDatabases() {}

    /** Creates {@code database} unless it exists, connected through {@code connector}. */
    public static void createIfMissing(String database, Connector connector) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = connector.connect();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }
}
