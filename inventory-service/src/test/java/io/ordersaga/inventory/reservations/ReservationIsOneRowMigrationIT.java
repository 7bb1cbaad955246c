package io.ordersaga.inventory.reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordersaga.infra.harness.PostgresServer;
import io.ordersaga.infra.harness.junit.RealInfrastructure;
import io.ordersaga.persistence.JsonColumns;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.core.type.TypeReference;

/**
 * V3 moves the lines of the reservations already stored into the reservation's row, in the shape
 * {@link Reservation}'s JSON column reads, and drops the table they came from: an upgrade loses no
 * reservation's lines, so a release or a commit after it gives back or ships what was reserved.
 */
@RealInfrastructure
class ReservationIsOneRowMigrationIT {

    private static final UUID RESERVED = UUID.fromString("7a1c9b75-2e0f-4d54-8e64-4f4f1d2e3b22");
    private static final UUID CANCELLED_FIRST = UUID.fromString("1c4f6d8b-3a5e-4b72-9fac-6e7d8f9a0b12");

    @Test
    void movesTheLinesOfStoredReservationsIntoTheirRows(PostgresServer postgres) {
        String database = "inventory_v3_migration_it";
        postgres.createDatabase(database);
        var dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password());
        var jdbc = JdbcClient.create(dataSource);
        flyway(dataSource).target("2").load().migrate();
        insertVersion2Reservation(jdbc, RESERVED, "RESERVED");
        insertVersion2Reservation(jdbc, CANCELLED_FIRST, "CANCELLED_BEFORE_RESERVE");
        jdbc.sql("""
                insert into reservation_lines (order_id, sku, quantity) values
                    (:id, 'MUG-001', 1),
                    (:id, 'BOOK-002', 3)
                """).param("id", RESERVED).update();

        flyway(dataSource).load().migrate();

        List<ReservationLine> lines = JsonColumns.mapper().readValue(lines(jdbc, RESERVED), new TypeReference<>() {});
        assertThat(lines)
                .as("one element per SKU, in SKU order")
                .containsExactly(new ReservationLine("BOOK-002", 3), new ReservationLine("MUG-001", 1));
        assertThat(lines(jdbc, CANCELLED_FIRST)).isEqualTo("[]");
        assertThat(jdbc.sql("select to_regclass('reservation_lines') is null")
                        .query(Boolean.class)
                        .single())
                .as("the old table is dropped")
                .isTrue();
        assertThatThrownBy(() -> jdbc.sql("update reservations set lines = '[]' where order_id = :id")
                        .param("id", RESERVED)
                        .update())
                .as("a reservation without lines")
                .hasMessageContaining("reservations_have_lines");
        assertThatThrownBy(() -> jdbc.sql("update reservations set lines = '{}' where order_id = :id")
                        .param("id", CANCELLED_FIRST)
                        .update())
                .as("lines that are not an array")
                .hasMessageContaining("reservations_lines_are_an_array");
    }

    private static FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/inventory");
    }

    private static void insertVersion2Reservation(JdbcClient jdbc, UUID orderId, String status) {
        jdbc.sql("""
                insert into reservations (order_id, reservation_id, status, created_at, updated_at)
                values (:id, :reservationId, :status, '2026-12-06 09:00:00+00', '2026-12-06 09:00:00+00')
                """)
                .param("id", orderId)
                .param("reservationId", UUID.randomUUID().toString())
                .param("status", status)
                .update();
    }

    private static String lines(JdbcClient jdbc, UUID orderId) {
        return jdbc.sql("select lines::text from reservations where order_id = :id")
                .param("id", orderId)
                .query(String.class)
                .single();
    }
}
