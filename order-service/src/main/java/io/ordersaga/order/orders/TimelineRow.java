package io.ordersaga.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of an order's timeline: the {@link TimelineEntry} and its place in the order's sequence.
 * An entity of its own, so that the saga's replies append one without loading the others.
 */
@Entity
@Table(name = "order_timeline")
@IdClass(TimelineRow.Key.class)
class TimelineRow {

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Id
    @Column(name = "entry_no")
    private int entryNo;

    @Embedded
    private TimelineEntry entry;

    protected TimelineRow() {}

    TimelineRow(Order order, int entryNo, TimelineEntry entry) {
        this.order = order;
        this.entryNo = entryNo;
        this.entry = entry;
    }

    TimelineEntry entry() {
        return entry;
    }

    /** The row's identity: the order's id and the entry's number. */
    static final class Key implements Serializable {

        private UUID order;
        private int entryNo;

        protected Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && entryNo == key.entryNo && Objects.equals(order, key.order);
        }

        @Override
        public int hashCode() {
            return Objects.hash(order, entryNo);
        }
    }
}
