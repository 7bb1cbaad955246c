package io.ordersaga.systemtest;

import java.util.Map;

/**
 * The stock the invariant "on-hand = initial - reserved-and-shipped" starts from: each product's
 * on-hand units and the units of COMMITTED reservations at the moment it was captured. Capture it
 * when the run starts and again after setting a product's stock by hand ({@code PUT
 * /products/{sku}/stock}), which moves the initial stock.
 *
 * @param onHand units on hand per SKU when captured
 * @param committed units of COMMITTED reservations per SKU when captured
 */
public record StockBaseline(Map<String, Integer> onHand, Map<String, Integer> committed) {

    public StockBaseline {
        onHand = Map.copyOf(onHand);
        committed = Map.copyOf(committed);
    }

    /** The on-hand stock expected once {@code committedNow} units of {@code sku} were committed. */
    int expectedOnHand(String sku, int committedNow) {
        return onHand.get(sku) - committedSince(sku, committedNow);
    }

    /** The units of {@code sku} committed since the baseline, of the {@code committedNow} committed in all. */
    int committedSince(String sku, int committedNow) {
        return committedNow - committed.getOrDefault(sku, 0);
    }
}
