package io.ordersaga.inventory.reservations;

import jakarta.persistence.Embeddable;

/** Units of one product held (or asked for) by a reservation. */
@Embeddable
public record ReservationLine(String sku, int quantity) {

    public ReservationLine {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("a reservation line needs a SKU");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity of " + sku + " must be positive, was " + quantity);
        }
    }
}
