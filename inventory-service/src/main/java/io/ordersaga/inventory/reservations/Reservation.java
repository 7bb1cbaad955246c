package io.ordersaga.inventory.reservations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;
import org.springframework.data.domain.Persistable;

/**
 * What inventory decided for one order. There is at most one per order (the order id is the key),
 * and its status is the guard every handler checks before it touches stock.
 */
@Entity
@Table(name = "reservations")
public class Reservation implements Persistable<UUID> {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "reservation_id")
    private String reservationId;

    @Enumerated(EnumType.STRING)
    private ReservationStatus status;

    // Values of this reservation alone, one per SKU in SKU order, kept as a JSON array in its row
    // (docs/json-columns.md): reserving writes one row, not one more per SKU. Never changed in
    // place, which Immutability tells Hibernate, so it keeps no deep copy of the loaded value to
    // compare at flush.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<ReservationLine> lines = List.of();

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    // The id is the order's, assigned before the insert: without this Spring Data would take every
    // new reservation for an existing one and read it back before inserting it.
    @Transient
    private boolean isNew = true;

    protected Reservation() {}

    private Reservation(UUID orderId, ReservationStatus status, List<ReservationLine> lines, Instant now) {
        this.orderId = orderId;
        this.reservationId = UUID.randomUUID().toString();
        this.status = status;
        this.lines = List.copyOf(lines);
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Reservation reserved(UUID orderId, List<ReservationLine> lines, Instant now) {
        return new Reservation(orderId, ReservationStatus.RESERVED, lines, now);
    }

    static Reservation rejected(UUID orderId, List<ReservationLine> lines, Instant now) {
        return new Reservation(orderId, ReservationStatus.REJECTED, lines, now);
    }

    static Reservation cancelledBeforeReserve(UUID orderId, Instant now) {
        return new Reservation(orderId, ReservationStatus.CANCELLED_BEFORE_RESERVE, List.of(), now);
    }

    public UUID orderId() {
        return orderId;
    }

    public String reservationId() {
        return reservationId;
    }

    public ReservationStatus status() {
        return status;
    }

    public List<ReservationLine> lines() {
        return List.copyOf(lines);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public UUID getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        isNew = false;
    }

    void moveTo(ReservationStatus next, Instant now) {
        if (status != ReservationStatus.RESERVED) {
            throw new IllegalStateException("reservation of order " + orderId + " is " + status + ", not RESERVED");
        }
        this.status = next;
        this.updatedAt = now;
    }
}
