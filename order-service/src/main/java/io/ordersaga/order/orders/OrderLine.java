package io.ordersaga.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** One line of an order: a product, how many, and the unit price in the order's currency. */
@Embeddable
public record OrderLine(
        @Column(name = "sku") String sku,
        @Column(name = "quantity") int quantity,
        @Column(name = "unit_price") BigDecimal unitPrice) {

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
