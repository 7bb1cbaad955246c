package io.ordersaga.inventory.reservations;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.harness.RowUpdates;
import io.ordersaga.inventory.support.InventoryIntegrationTest;
import io.ordersaga.inventory.support.StockFixtures;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service integration tier: how PostgreSQL writes a reservation's end. Committing or releasing it
 * changes its status, which no index covers, so the update is heap-only (HOT), as is the stock
 * change of its products (V3 migration, docs/performance.md). Counted with PostgreSQL's statistics
 * of the transaction that made the updates ({@link RowUpdates}).
 */
@InventoryIntegrationTest
class ReservationRowUpdatesIT {

    @Autowired
    StockReservations stock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    record Updated(RowUpdates reservations, RowUpdates products) {}

    /** What {@code change} did to the reservations and the products, counted inside its transaction. */
    private Updated updatesIn(Consumer<UUID> change, UUID order) {
        return transactions.execute(status -> {
            var connection = DataSourceUtils.getConnection(dataSource);
            var reservationsBefore = RowUpdates.of(connection, "reservations");
            var productsBefore = RowUpdates.of(connection, "products");
            change.accept(order);
            entityManager.flush();
            return new Updated(
                    RowUpdates.of(connection, "reservations").since(reservationsBefore),
                    RowUpdates.of(connection, "products").since(productsBefore));
        });
    }

    private UUID reserved() {
        var fixtures = new StockFixtures(jdbc);
        var order = UUID.randomUUID();
        var outcome = stock.reserve(
                order,
                List.of(new ReservationLine(fixtures.product(10), 2), new ReservationLine(fixtures.product(10), 1)));
        assertThat(outcome).isInstanceOf(ReservationOutcome.Reserved.class);
        return order;
    }

    @Test
    void committingAReservationRewritesItAndItsProductsWithoutTouchingAnIndex() {
        var order = reserved();

        assertThat(updatesIn(stock::commit, order)).isEqualTo(new Updated(new RowUpdates(1, 1), new RowUpdates(2, 2)));
    }

    @Test
    void releasingAReservationRewritesItAndItsProductsWithoutTouchingAnIndex() {
        var order = reserved();

        assertThat(updatesIn(stock::release, order)).isEqualTo(new Updated(new RowUpdates(1, 1), new RowUpdates(2, 2)));
    }
}
