package io.ordersaga.inventory.products;

/** An attempt to set a product's on-hand stock below the units reserved for running orders. */
public class StockBelowReservedException extends RuntimeException {

    private final int reserved;

    StockBelowReservedException(String sku, int onHand, int reserved) {
        super("on-hand stock of " + sku + " cannot be " + onHand + ": " + reserved + " units are reserved");
        this.reserved = reserved;
    }

    public int reserved() {
        return reserved;
    }
}
