package io.ordersaga.inventory.products;

import java.math.BigDecimal;

/** A product as {@code GET /products} shows it. */
record ProductView(
        String sku, String name, BigDecimal price, String currency, int onHand, int reserved, int available) {

    static ProductView of(Product product) {
        return new ProductView(
                product.sku(),
                product.name(),
                product.unitPrice(),
                product.currency(),
                product.onHand(),
                product.reserved(),
                product.available());
    }
}
