package io.ordersaga.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.harness.RowUpdates;
import io.ordersaga.order.support.ServiceIntegrationTest;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service integration tier: how PostgreSQL writes the saga's replies to the order row. A reply that
 * moves an order forward changes no column an index covers, so its update is heap-only (HOT): no new
 * entry in the primary key or the deadline job's index (V4 migration, docs/performance.md). Counted
 * with PostgreSQL's statistics of the transaction that made the update ({@link RowUpdates}).
 */
@ServiceIntegrationTest
class OrderRowUpdatesIT {

    @Autowired
    OrderManagement management;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** What {@code reply} did to the orders table, counted inside its transaction. */
    private RowUpdates updatesIn(Consumer<UUID> reply, UUID order) {
        return transactions.execute(status -> {
            var connection = DataSourceUtils.getConnection(dataSource);
            var before = RowUpdates.of(connection, "orders");
            reply.accept(order);
            entityManager.flush();
            return RowUpdates.of(connection, "orders").since(before);
        });
    }

    private UUID place() {
        return management
                .place(
                        new PlaceOrder(
                                "customer-1",
                                "ada@example.com",
                                List.of(new OrderLine("SKU-1", 1, new BigDecimal("9.99"))),
                                "EUR",
                                new ShippingAddress("Ada Lovelace", "1 Main St", "Berlin", "10115", "DE"),
                                "tok_visa"),
                        Optional.empty())
                .id();
    }

    @Test
    void repliesThatMoveAnOrderForwardRewriteItsRowWithoutTouchingAnIndex() {
        var order = place();

        assertThat(updatesIn(id -> management.inventoryReserved(id, UUID.randomUUID()), order))
                .isEqualTo(new RowUpdates(1, 1));
        assertThat(updatesIn(id -> management.paymentAuthorized(id, UUID.randomUUID()), order))
                .isEqualTo(new RowUpdates(1, 1));
    }

    @Test
    void theReplyThatEndsAnOrderTakesItOutOfTheDeadlineJobsIndex() {
        var order = place();

        // completed_at is in the index's predicate: the order leaves the index, so this update cannot be heap-only.
        assertThat(updatesIn(id -> management.shipmentScheduled(id, UUID.randomUUID(), "TRACK-1"), order))
                .isEqualTo(new RowUpdates(1, 0));
        assertThat(jdbc.sql("select count(*) from orders where id = :id and completed_at is null")
                        .param("id", order)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
