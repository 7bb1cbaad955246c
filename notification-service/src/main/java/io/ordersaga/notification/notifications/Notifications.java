package io.ordersaga.notification.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The notification log's table. */
public interface Notifications extends JpaRepository<Notification, UUID> {

    /**
     * Adds a notification unless the order already has one of its kind; returns 1 if it did, 0 if
     * not. {@code on conflict do nothing} rather than a failing insert: a duplicate is an expected
     * no-op, and must not roll back the inbox transaction it runs in. Only a PENDING notification is
     * due (at {@code now}).
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into notifications (id, order_id, kind, recipient, subject, text_body, html_body, causation_id,
                                       status, attempts, next_attempt_at, created_at, updated_at)
            values (:id, :orderId, :kind, :recipient, :subject, :textBody, :htmlBody, :causationId,
                    :status, 0, case when :status = 'PENDING' then cast(:now as timestamptz) end, :now, :now)
            on conflict (order_id, kind) do nothing
            """)
    int insertIfAbsent(
            UUID id,
            UUID orderId,
            String kind,
            String recipient,
            String subject,
            String textBody,
            String htmlBody,
            UUID causationId,
            String status,
            Instant now);

    /**
     * Serialises the notification log's writes for one order until the transaction ends: its events
     * arrive on two topics, which several instances or consumer threads read at once. A
     * transaction-level advisory lock in the
     * two-key space (the relay's leadership lock uses the one-key space, which never overlaps it).
     */
    @Query(nativeQuery = true, value = "select 1 from pg_advisory_xact_lock(:space, :key)")
    int lockOrder(int space, int key);

    /** The kinds of notification the order has. */
    @Query("select n.kind from Notification n where n.orderId = :orderId")
    List<NotificationKind> kindsOf(UUID orderId);

    /** Moves the order's HELD notifications to {@code status}; returns how many. */
    @Modifying
    @Query(nativeQuery = true, value = """
            update notifications
            set status = :status, next_attempt_at = case when :status = 'PENDING' then cast(:now as timestamptz) end,
                updated_at = :now
            where order_id = :orderId and status = 'HELD'
            """)
    int moveHeld(UUID orderId, String status, Instant now);

    /**
     * Up to {@code limit} pending notifications due by {@code now}, oldest due first, locked until
     * the transaction ends. {@code skip locked}: rows another dispatcher (another instance) holds are
     * passed over, not waited for, so instances share the work without sending anything twice.
     */
    @Query(nativeQuery = true, value = """
            select * from notifications
            where status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at
            limit :limit
            for update skip locked
            """)
    List<Notification> lockDue(Instant now, int limit);

    /**
     * Records that the SMTP server accepted these notifications, locked by {@link #lockDue} in this
     * transaction: SENT at {@code now}, their attempts counted. One statement for the whole batch
     * rather than an update per e-mail (docs/performance.md, the thirteenth round), the ids one array
     * parameter: a JPQL {@code in :ids} is translated again by Hibernate for every batch, its SQL
     * depending on the batch's size (the fifteenth round). Returns how many it changed; a
     * notification no longer PENDING is left alone.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            update notifications
            set status = 'SENT', attempts = attempts + 1, next_attempt_at = null, sent_at = :now, updated_at = :now
            where id = any(:ids) and status = 'PENDING'
            """)
    int markSent(UUID[] ids, Instant now);

    List<Notification> findByOrderIdOrderByCreatedAtAscKindAsc(UUID orderId);

    long countByStatus(NotificationStatus status);
}
