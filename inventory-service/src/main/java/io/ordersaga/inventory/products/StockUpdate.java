package io.ordersaga.inventory.products;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Body of {@code PUT /products/{sku}/stock}: the units counted in the warehouse. */
record StockUpdate(@NotNull @PositiveOrZero Integer onHand) {}
