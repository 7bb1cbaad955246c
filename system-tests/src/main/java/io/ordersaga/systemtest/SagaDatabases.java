package io.ordersaga.systemtest;

import io.ordersaga.infra.harness.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the four saga services keep their data: a JDBC URL per service database. The invariants
 * checker only reads them.
 */
public record SagaDatabases(
        String ordersUrl,
        String inventoryUrl,
        String paymentsUrl,
        String shipmentsUrl,
        String username,
        String password) {

    /** The databases of the harness's PostgreSQL ({@code orders}, {@code inventory}, ...). */
    public static SagaDatabases of(PostgresServer postgres) {
        return new SagaDatabases(
                postgres.jdbcUrl("orders"),
                postgres.jdbcUrl("inventory"),
                postgres.jdbcUrl("payments"),
                postgres.jdbcUrl("shipments"),
                postgres.username(),
                postgres.password());
    }

    Connection orders() throws SQLException {
        return readOnly(ordersUrl);
    }

    Connection inventory() throws SQLException {
        return readOnly(inventoryUrl);
    }

    Connection payments() throws SQLException {
        return readOnly(paymentsUrl);
    }

    Connection shipments() throws SQLException {
        return readOnly(shipmentsUrl);
    }

    private Connection readOnly(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url, username, password);
        connection.setReadOnly(true);
        return connection;
    }
}
