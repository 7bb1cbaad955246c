package io.ordersaga.inventory.products;

/**
 * A product's stock: {@code onHand} is what the warehouse holds, {@code reserved} what running sagas
 * have been promised; only {@link #available()} can be promised again. A change returns the new
 * level and refuses what would break {@code 0 <= reserved <= onHand}, which the database's checks
 * back as well.
 */
public record StockLevel(String sku, int onHand, int reserved) {

    public StockLevel {
        if (reserved < 0 || reserved > onHand) {
            throw new IllegalArgumentException(
                    "stock of " + sku + " must have 0 <= reserved <= on hand, was " + reserved + " of " + onHand);
        }
    }

    public int available() {
        return onHand - reserved;
    }

    /** Promises {@code quantity} units to an order. */
    public StockLevel reserve(int quantity) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new IllegalStateException(
                    "cannot reserve " + quantity + " of " + sku + ": only " + available() + " available");
        }
        return new StockLevel(sku, onHand, reserved + quantity);
    }

    /** Takes back a promise: the units are available again. */
    public StockLevel release(int quantity) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException(
                    "cannot release " + quantity + " of " + sku + ": only " + reserved + " reserved");
        }
        return new StockLevel(sku, onHand, reserved - quantity);
    }

    /** The promised units leave the warehouse: the reservation becomes a stock decrement. */
    public StockLevel commit(int quantity) {
        var released = release(quantity);
        return new StockLevel(sku, onHand - quantity, released.reserved());
    }

    /**
     * The stock counted in the warehouse. It cannot drop below what is promised to running sagas, or
     * a confirmed order could not be shipped.
     */
    StockLevel withOnHand(int counted) {
        if (counted < reserved) {
            throw new StockBelowReservedException(sku, counted, reserved);
        }
        return new StockLevel(sku, counted, reserved);
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }
}
