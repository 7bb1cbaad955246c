package io.ordersaga.inventory.products;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an operator does with the catalog: look at it and correct stock after a count. */
@Service
class Catalog {

    private final Products products;

    Catalog(Products products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    List<ProductView> all() {
        return products.findAllByOrderBySku().stream().map(ProductView::of).toList();
    }

    /**
     * Sets the on-hand stock of a product. The row is locked like a reservation locks it, so the
     * check against the reserved units cannot race with an order being reserved.
     */
    @Transactional
    ProductView setOnHand(String sku, int onHand) {
        Product product = products.lock(sku).orElseThrow(() -> new ProductNotFoundException(sku));
        product.setOnHand(onHand);
        return ProductView.of(product);
    }
}
