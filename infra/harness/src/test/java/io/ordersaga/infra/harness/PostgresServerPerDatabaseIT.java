package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harness.postgres.server-per-database}, as the local stack runs PostgreSQL: each service
 * database on a server of its own, whose write-ahead log (what a relay's walsender decodes) holds
 * only that database's writes.
 */
class PostgresServerPerDatabaseIT {

    @TempDir
    Path root;

    @Test
    void givesEachDatabaseItsOwnServerWhoseWriteAheadLogTheOthersWritesLeaveAlone() throws SQLException {
        try (var infrastructure = Infrastructure.create(perDatabase(root))) {
            var servers = infrastructure.postgres(List.of("orders", "inventory"));
            var orders = servers.get("orders");
            var inventory = servers.get("inventory");

            assertThat(infrastructure.postgres("orders")).isSameAs(orders);
            assertThat(orders.port()).isNotEqualTo(inventory.port());
            assertThat(databasesOf(orders)).contains("orders").doesNotContain("inventory");
            assertThat(databasesOf(inventory)).contains("inventory").doesNotContain("orders");
            assertThat(databasesOf(infrastructure.postgres())).doesNotContain("orders", "inventory");
            assertThat(infrastructure.postgresServers())
                    .extracting(PostgresServer::name)
                    .containsExactlyInAnyOrder("postgres", "postgres-orders", "postgres-inventory");
            for (var server : List.of(orders, inventory)) {
                assertThat(setting(server, server.name().substring("postgres-".length()), "wal_level"))
                        .isEqualTo("logical");
            }

            long ordersBefore = walInsertPosition(orders, "orders");
            long inventoryBefore = walInsertPosition(inventory, "inventory");
            try (Connection connection = inventory.connect("inventory");
                    var statement = connection.createStatement()) {
                statement.execute("create table wal_probe (id int primary key, payload text not null)");
                statement.execute("insert into wal_probe select i, repeat('x', 1000) from generate_series(1, 2000) i");
            }

            assertThat(walInsertPosition(inventory, "inventory") - inventoryBefore)
                    .as("inventory's WAL grew by its 2 MB of rows")
                    .isGreaterThan(2_000_000);
            // A server's own background records (a checkpoint, a snapshot of running transactions)
            // are a few hundred bytes; another database's rows would be megabytes.
            assertThat(walInsertPosition(orders, "orders") - ordersBefore)
                    .as("orders' WAL, which the orders relay's walsender decodes")
                    .isLessThan(100_000);
        }
    }

    @Test
    void stopsEveryDatabasesServerWhenClosed() {
        var infrastructure = Infrastructure.create(perDatabase(root));
        var payments = infrastructure.postgres("payments");
        var shared = infrastructure.postgres();

        infrastructure.close();

        assertThatThrownBy(() -> payments.connect("payments").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> shared.connect("postgres").close()).isInstanceOf(SQLException.class);
    }

    private static HarnessSettings perDatabase(Path root) {
        var defaults = HarnessSettings.fromEnvironment();
        return new HarnessSettings(
                root,
                HarnessSettings.SERVICE_DATABASES,
                defaults.postgresSynchronousCommit(),
                defaults.postgresConfig(),
                defaults.postgresServicesOverSocket(),
                true,
                defaults.kafkaPartitions(),
                defaults.kafkaHeap(),
                defaults.registryHeap(),
                defaults.elasticsearchHeap(),
                defaults.startupTimeout(),
                defaults.stopGrace());
    }

    private static List<String> databasesOf(PostgresServer server) throws SQLException {
        try (Connection connection = server.connect("postgres");
                var statement = connection.createStatement();
                var result = statement.executeQuery("select datname from pg_database")) {
            var names = new ArrayList<String>();
            while (result.next()) {
                names.add(result.getString(1));
            }
            return names;
        }
    }

    private static String setting(PostgresServer server, String database, String name) throws SQLException {
        try (Connection connection = server.connect(database);
                var statement = connection.createStatement();
                var result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    private static long walInsertPosition(PostgresServer server, String database) throws SQLException {
        try (Connection connection = server.connect(database);
                var statement = connection.createStatement();
                var result = statement.executeQuery("select pg_current_wal_insert_lsn() - '0/0'::pg_lsn")) {
            result.next();
            return result.getLong(1);
        }
    }
}
