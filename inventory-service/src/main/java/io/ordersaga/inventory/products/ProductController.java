package io.ordersaga.inventory.products;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductController {

    private final Catalog catalog;

    ProductController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The whole catalog with each product's stock, ordered by SKU. */
    @GetMapping("/products")
    List<ProductView> products() {
        return catalog.all();
    }

    /**
     * Sets a product's on-hand stock (after a delivery or a stock count). 400 when it is negative or
     * below the units reserved for running orders, 404 for an unknown SKU.
     */
    @PutMapping("/products/{sku}/stock")
    ProductView setStock(@PathVariable String sku, @Valid @RequestBody StockUpdate update) {
        return catalog.setOnHand(sku, update.onHand());
    }
}
