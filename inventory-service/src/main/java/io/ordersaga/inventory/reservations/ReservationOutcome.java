package io.ordersaga.inventory.reservations;

import java.util.List;

/** What {@link StockReservations#reserve} decided for an order. */
public sealed interface ReservationOutcome {

    /** Every line is reserved. */
    record Reserved(Reservation reservation) implements ReservationOutcome {}

    /** Nothing is reserved; {@code unavailableSkus} names the lines that could not be served. */
    record Rejected(RejectionReason reason, List<String> unavailableSkus) implements ReservationOutcome {
        public Rejected {
            unavailableSkus = List.copyOf(unavailableSkus);
        }
    }

    /**
     * Inventory had already decided about this order (a redelivered or late OrderPlaced): nothing
     * changes and nothing is announced.
     */
    record AlreadyDecided(ReservationStatus status) implements ReservationOutcome {}
}
