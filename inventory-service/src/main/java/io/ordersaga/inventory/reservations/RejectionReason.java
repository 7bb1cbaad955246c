package io.ordersaga.inventory.reservations;

/** Why nothing was reserved for an order. */
public enum RejectionReason {
    /** At least one SKU is not in the catalog. */
    UNKNOWN_SKU,
    /** Every SKU exists, but at least one has fewer units available than the order asks for. */
    OUT_OF_STOCK
}
