package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.harness.junit.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@RealInfrastructure
class PostgresServerIT {

    @Test
    void createsOneDatabasePerService(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.connect("postgres");
                var statement = connection.createStatement();
                var result = statement.executeQuery("select datname from pg_database")) {
            var names = new ArrayList<String>();
            while (result.next()) {
                names.add(result.getString(1));
            }
            assertThat(names).containsAll(HarnessSettings.SERVICE_DATABASES);
        }
    }

    @Test
    void writesAndReadsRowsInAServiceDatabase(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.connect("inventory");
                var statement = connection.createStatement()) {
            statement.execute("create table stock_probe (sku text primary key, on_hand int not null)");
            statement.execute("insert into stock_probe values ('SKU-1', 7), ('SKU-2', 0)");
            try (var result = statement.executeQuery("select on_hand from stock_probe where sku = 'SKU-1'")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(7);
            }
            statement.execute("drop table stock_probe");
        }
    }

    @Test
    void acceptsConnectionsOverItsUnixDomainSocket(PostgresServer postgres) throws SQLException {
        assertThat(postgres.socketPath()).exists();
        try (Connection connection = DriverManager.getConnection(
                        postgres.socketJdbcUrl("payments"), postgres.username(), postgres.password());
                var statement = connection.createStatement();
                // A backend serving a Unix-domain socket has no client address; one over TCP has 127.0.0.1.
                var result = statement.executeQuery(
                        "select current_database(), client_addr is null from pg_stat_activity where pid = pg_backend_pid()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("payments");
            assertThat(result.getBoolean(2))
                    .as("connected over the socket, not TCP")
                    .isTrue();
        }
        try (Connection connection = postgres.connect("payments");
                var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select client_addr is null from pg_stat_activity where pid = pg_backend_pid()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getBoolean(1)).as("the plain URL stays on TCP").isFalse();
        }
    }

    /** The harness module's failsafe configuration sets harness.postgres.config to load it. */
    @Test
    void appliesTheExtraServerSettingsSoStatementsCanBeCounted(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.connect("shipments");
                var statement = connection.createStatement()) {
            try (var libraries = statement.executeQuery("show shared_preload_libraries")) {
                libraries.next();
                assertThat(libraries.getString(1)).isEqualTo("pg_stat_statements");
            }
            statement.execute("create extension if not exists pg_stat_statements");
            for (int i = 0; i < 3; i++) {
                statement.execute("select count(*) from pg_class where relname = 'statement_probe'");
            }
            try (var calls = statement.executeQuery("""
                    select sum(calls) from pg_stat_statements
                    where query like '%relname = $1%' and dbid = (select oid from pg_database where datname = 'shipments')
                    """)) {
                calls.next();
                assertThat(calls.getLong(1)).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void streamsCommittedRowsThroughALogicalReplicationSlot(PostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.connect("orders");
                var statement = connection.createStatement()) {
            try (var level = statement.executeQuery("show wal_level")) {
                level.next();
                assertThat(level.getString(1)).isEqualTo("logical");
            }
            statement.execute("create table outbox_probe (id int primary key, payload text)");
            statement.execute("create publication outbox_probe_pub for table outbox_probe");
            statement.execute("select pg_create_logical_replication_slot('outbox_probe_slot', 'pgoutput')");
            try {
                statement.execute("insert into outbox_probe values (1, 'order-placed-42')");

                List<byte[]> messages = new ArrayList<>();
                try (var changes = statement.executeQuery("""
                        select data from pg_logical_slot_get_binary_changes('outbox_probe_slot', null, null,
                            'proto_version', '1', 'publication_names', 'outbox_probe_pub')
                        """)) {
                    while (changes.next()) {
                        messages.add(changes.getBytes(1));
                    }
                }
                // pgoutput: Begin, Relation, Insert, Commit; the insert carries the row's text columns.
                assertThat(messages).extracting(m -> (char) m[0]).containsSubsequence('B', 'I', 'C');
                assertThat(messages)
                        .filteredOn(m -> m[0] == 'I')
                        .singleElement()
                        .satisfies(insert -> assertThat(new String(insert, StandardCharsets.UTF_8))
                                .contains("order-placed-42"));
            } finally {
                statement.execute("select pg_drop_replication_slot('outbox_probe_slot')");
                statement.execute("drop publication outbox_probe_pub");
                statement.execute("drop table outbox_probe");
            }
        }
    }
}
