package io.ordersaga.systemtest;

import io.ordersaga.infra.harness.Infrastructure;
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

    /**
     * The databases ({@code orders}, {@code inventory}, ...) on the harness's PostgreSQL servers: the
     * shared one, or each database's own ({@code harness.postgres.server-per-database}).
     */
    public static SagaDatabases of(Infrastructure infrastructure) {
        PostgresServer orders = infrastructure.postgres("orders");
        return new SagaDatabases(
                orders.jdbcUrl("orders"),
                infrastructure.postgres("inventory").jdbcUrl("inventory"),
                infrastructure.postgres("payments").jdbcUrl("payments"),
                infrastructure.postgres("shipments").jdbcUrl("shipments"),
                orders.username(),
                orders.password());
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
