package io.ordersaga.order.orders;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Orders extends JpaRepository<Order, UUID> {

    /** Loads the order with a row lock: saga replies, the customer and the deadline take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Order> findLockedById(UUID id);

    /**
     * Locks up to {@code limit} in-flight orders placed before {@code cutoff}, skipping rows another
     * transaction holds: several instances can run the deadline job without waiting on each other or
     * expiring the same order twice.
     */
    @Query(value = """
            select * from orders
            where status in ('PENDING', 'INVENTORY_RESERVED', 'PAYMENT_AUTHORIZED')
              and placed_at < :cutoff
            order by placed_at
            limit :limit
            for update skip locked
            """, nativeQuery = true)
    List<Order> lockOverdue(Instant cutoff, int limit);
}
