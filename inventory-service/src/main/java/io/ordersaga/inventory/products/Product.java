package io.ordersaga.inventory.products;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A product and its stock. {@code onHand} is what the warehouse holds, {@code reserved} what running
 * sagas have been promised; only {@link #available()} can be promised again. The database's checks
 * back every invariant enforced here ({@code 0 <= reserved <= onHand}).
 *
 * <p>Stock is only changed on a row locked with {@link Products#lockAll}, so concurrent orders for
 * the same product are serialized by PostgreSQL.
 */
@Entity
@Table(name = "products")
public class Product {

    @Id
    private String sku;

    private String name;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    private String currency;

    @Column(name = "on_hand")
    private int onHand;

    private int reserved;

    protected Product() {}

    public Product(String sku, String name, BigDecimal unitPrice, String currency, int onHand) {
        this.sku = sku;
        this.name = name;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.onHand = onHand;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public String currency() {
        return currency;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    public int available() {
        return onHand - reserved;
    }

    /** Promises {@code quantity} units to an order. */
    public void reserve(int quantity) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new IllegalStateException(
                    "cannot reserve " + quantity + " of " + sku + ": only " + available() + " available");
        }
        reserved += quantity;
    }

    /** Takes back a promise: the units are available again. */
    public void release(int quantity) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException(
                    "cannot release " + quantity + " of " + sku + ": only " + reserved + " reserved");
        }
        reserved -= quantity;
    }

    /** The promised units leave the warehouse: the reservation becomes a stock decrement. */
    public void commit(int quantity) {
        release(quantity);
        onHand -= quantity;
    }

    /**
     * Sets the stock counted in the warehouse. It cannot drop below what is promised to running
     * sagas, or a confirmed order could not be shipped.
     */
    void setOnHand(int onHand) {
        if (onHand < reserved) {
            throw new StockBelowReservedException(sku, onHand, reserved);
        }
        this.onHand = onHand;
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }
}
