package io.ordersaga.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.order.support.ServiceIntegrationTest;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service integration tier: how PostgreSQL writes the saga's replies to the order row. A reply that
 * moves an order forward changes no column an index covers, so its update is heap-only (HOT): no new
 * entry in the primary key or the deadline job's index (V4 migration, docs/performance.md). Counted
 * with PostgreSQL's statistics of the transaction that made the update, before and after it.
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

    /** What one transaction did to the orders table: rows updated, and of those, heap-only. */
    record Updates(long updated, long heapOnly) {}

    private Updates updatesIn(Consumer<UUID> reply, UUID order) {
        return transactions.execute(status -> {
            // The backend's counts not yet reported include earlier transactions on this connection.
            var before = counted();
            reply.accept(order);
            entityManager.flush();
            var after = counted();
            return new Updates(after.updated - before.updated, after.heapOnly - before.heapOnly);
        });
    }

    private Updates counted() {
        return jdbc.sql("""
                        select pg_stat_get_xact_tuples_updated('orders'::regclass) as updated,
                               pg_stat_get_xact_tuples_hot_updated('orders'::regclass) as heap_only
                        """)
                .query((row, n) -> new Updates(row.getLong("updated"), row.getLong("heap_only")))
                .single();
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
                .isEqualTo(new Updates(1, 1));
        assertThat(updatesIn(id -> management.paymentAuthorized(id, UUID.randomUUID()), order))
                .isEqualTo(new Updates(1, 1));
    }

    @Test
    void theReplyThatEndsAnOrderTakesItOutOfTheDeadlineJobsIndex() {
        var order = place();

        // completed_at is in the index's predicate: the order leaves the index, so this update cannot be heap-only.
        assertThat(updatesIn(id -> management.shipmentScheduled(id, UUID.randomUUID(), "TRACK-1"), order))
                .isEqualTo(new Updates(1, 0));
        assertThat(jdbc.sql("select count(*) from orders where id = :id and completed_at is null")
                        .param("id", order)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
