package io.ordersaga.order.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Idempotency-Key of each POST /orders that sent one, with a hash of its request, for
 * {@code orders.idempotency.retention} ({@link IdempotencyKeyExpiry}).
 */
@Repository
class IdempotencyKeys {

    record Claimed(String requestHash, UUID orderId) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for a new order, in the caller's transaction. If a concurrent transaction holds
     * the same key, PostgreSQL waits for it to end: then the key is either ours (it rolled back) or
     * theirs (it committed), never both.
     *
     * @return true if the key is now claimed for {@code orderId}
     */
    boolean claim(String key, String requestHash, UUID orderId, Instant at) {
        return jdbc.sql("""
                        insert into idempotency_keys (idempotency_key, request_hash, order_id, created_at)
                        values (:key, :hash, :orderId, :at)
                        on conflict (idempotency_key) do nothing
                        """)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("orderId", orderId)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Deletes up to {@code limit} keys claimed before {@code cutoff}; returns how many. */
    int deleteClaimedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        delete from idempotency_keys where idempotency_key in (
                            select idempotency_key from idempotency_keys where created_at < :cutoff limit :limit)
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }

    Optional<Claimed> find(String key) {
        return jdbc.sql("select request_hash, order_id from idempotency_keys where idempotency_key = :key")
                .param("key", key)
                .query((rs, row) -> new Claimed(rs.getString("request_hash"), rs.getObject("order_id", UUID.class)))
                .optional();
    }
}
