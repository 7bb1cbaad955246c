package io.ordersaga.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordersaga.infra.harness.PostgresServer;
import io.ordersaga.infra.harness.junit.RealInfrastructure;
import io.ordersaga.persistence.JsonColumns;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.core.type.TypeReference;

/**
 * V4 moves the lines and the timeline of the orders already stored into the order's row, in the
 * shape {@link Order}'s JSON columns read, and drops the tables they came from: an upgrade loses
 * no order's lines or steps.
 */
@RealInfrastructure
class OrderIsOneRowMigrationIT {

    private static final UUID ORDER = UUID.fromString("6f0b8a64-1d9e-4c43-9d53-3f3f0c1d2a11");
    private static final UUID ORDER_WITHOUT_STEPS = UUID.fromString("0b3e5c7a-2f4d-4a61-8e9b-5d6c7e8f9a01");

    @Test
    void movesTheLinesAndTheTimelineOfStoredOrdersIntoTheirRows(PostgresServer postgres) throws SQLException {
        String database = "orders_v4_migration_it";
        postgres.createDatabase(database);
        var dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password());
        var jdbc = JdbcClient.create(dataSource);
        flyway(dataSource).target("3").load().migrate();
        insertVersion3Order(jdbc, ORDER, 3);
        insertVersion3Order(jdbc, ORDER_WITHOUT_STEPS, 0);
        jdbc.sql("""
                insert into order_lines (order_id, line_no, sku, quantity, unit_price) values
                    (:id, 1, 'SKU-2', 1, 5.00),
                    (:id, 0, 'SKU-1', 2, 10.25)
                """).param("id", ORDER).update();
        jdbc.sql(
                        "insert into order_lines (order_id, line_no, sku, quantity, unit_price) values (:id, 0, 'SKU-3', 4, 1.50)")
                .param("id", ORDER_WITHOUT_STEPS)
                .update();
        jdbc.sql("""
                insert into order_timeline (order_id, entry_no, step, occurred_at, detail) values
                    (:id, 2, 'CANCELLED', '2026-12-06 10:00:03.5+01', 'CUSTOMER_REQUEST'),
                    (:id, 0, 'PLACED', '2026-12-06 09:00:00.123456+00', null),
                    (:id, 1, 'CANCELLATION_REQUESTED', '2026-12-06 09:00:03.5+00', null)
                """).param("id", ORDER).update();

        flyway(dataSource).load().migrate();

        var mapper = JsonColumns.mapper();
        List<OrderLine> lines = mapper.readValue(json(jdbc, "lines", ORDER), new TypeReference<>() {});
        List<TimelineEntry> timeline = mapper.readValue(json(jdbc, "timeline", ORDER), new TypeReference<>() {});
        assertThat(lines)
                .containsExactly(
                        new OrderLine("SKU-1", 2, new BigDecimal("10.25")),
                        new OrderLine("SKU-2", 1, new BigDecimal("5.00")));
        assertThat(timeline)
                .containsExactly(
                        new TimelineEntry(SagaStep.PLACED, Instant.parse("2026-12-06T09:00:00.123456Z"), null),
                        new TimelineEntry(
                                SagaStep.CANCELLATION_REQUESTED, Instant.parse("2026-12-06T09:00:03.5Z"), null),
                        new TimelineEntry(
                                SagaStep.CANCELLED, Instant.parse("2026-12-06T09:00:03.5Z"), "CUSTOMER_REQUEST"));
        assertThat(json(jdbc, "timeline", ORDER_WITHOUT_STEPS)).isEqualTo("[]");
        assertThat(mapper.readValue(json(jdbc, "lines", ORDER_WITHOUT_STEPS), new TypeReference<List<OrderLine>>() {}))
                .containsExactly(new OrderLine("SKU-3", 4, new BigDecimal("1.50")));
        assertThat(jdbc.sql("select to_regclass('order_lines') is null and to_regclass('order_timeline') is null")
                        .query(Boolean.class)
                        .single())
                .as("the old tables are dropped")
                .isTrue();
        assertThatThrownBy(() -> jdbc.sql("update orders set lines = '[]' where id = :id")
                        .param("id", ORDER)
                        .update())
                .as("an order without lines")
                .hasMessageContaining("orders_has_lines");
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }

    private static void insertVersion3Order(JdbcClient jdbc, UUID id, int timelineEntries) {
        jdbc.sql("""
                insert into orders (id, version, customer_id, customer_email, currency, total, recipient_name,
                    street, city, postal_code, country, payment_token, status, cancellation_reason,
                    placed_at, completed_at, timeline_entries)
                values (:id, 0, 'c-1', 'c1@example.com', 'EUR', 25.50, 'Ada', 'Main St 1', 'Berlin', '10115',
                    'DE', 'tok_visa', 'CANCELLED', 'CUSTOMER_REQUEST', '2026-12-06 09:00:00+00',
                    '2026-12-06 09:00:03.5+00', :entries)
                """).param("id", id).param("entries", timelineEntries).update();
    }

    private static String json(JdbcClient jdbc, String column, UUID id) {
        return jdbc.sql("select " + column + "::text from orders where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
