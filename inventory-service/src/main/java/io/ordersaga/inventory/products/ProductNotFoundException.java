package io.ordersaga.inventory.products;

/** No product has this SKU. */
public class ProductNotFoundException extends RuntimeException {

    ProductNotFoundException(String sku) {
        super("no product with SKU " + sku);
    }
}
