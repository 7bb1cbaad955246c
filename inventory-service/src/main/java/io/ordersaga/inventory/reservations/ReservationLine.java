package io.ordersaga.inventory.reservations;

/**
 * Units of one product held (or asked for) by a reservation; an element of its {@code lines} JSON
 * array, checked again whenever it is read.
 */
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
