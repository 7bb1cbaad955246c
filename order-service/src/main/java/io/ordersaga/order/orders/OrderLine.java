package io.ordersaga.order.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of an order: a product, how many, and the unit price in the order's currency. Stored in
 * the order's row, in its {@code lines} JSON array, by these component names.
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unit price must not be negative: " + unitPrice);
        }
        unitPrice = unitPrice.setScale(Order.MONEY_SCALE, RoundingMode.UNNECESSARY);
    }

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
