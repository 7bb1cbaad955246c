package io.ordersaga.inventory.products;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A product of the catalog and its stock. {@code onHand} is what the warehouse holds, {@code
 * reserved} what running sagas have been promised; only {@link #available()} can be promised again
 * ({@link StockLevel} has the rules, the database's checks back them: {@code 0 <= reserved <= onHand}).
 *
 * <p>Stock is only changed on a locked row: by the saga through {@link ProductStock}, which locks
 * and writes the rows of an order's products at once, and by an operator's count through this
 * entity ({@link Products#lock}). Concurrent changes of one product are serialized by PostgreSQL.
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
        return stock().available();
    }

    /**
     * Sets the stock counted in the warehouse. It cannot drop below what is promised to running
     * sagas, or a confirmed order could not be shipped.
     */
    void setOnHand(int onHand) {
        this.onHand = stock().withOnHand(onHand).onHand();
    }

    private StockLevel stock() {
        return new StockLevel(sku, onHand, reserved);
    }
}
