package io.ordersaga.inventory.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProductTest {

    private final Product product = new Product("SKU-1", "Test", new BigDecimal("9.99"), "EUR", 10);

    @Test
    void reservingTakesUnitsOutOfWhatIsAvailableButLeavesThemOnHand() {
        product.reserve(4);

        assertThat(product.onHand()).isEqualTo(10);
        assertThat(product.reserved()).isEqualTo(4);
        assertThat(product.available()).isEqualTo(6);
    }

    @Test
    void neverPromisesMoreThanIsAvailable() {
        product.reserve(8);

        assertThatThrownBy(() -> product.reserve(3)).isInstanceOf(IllegalStateException.class);
        assertThat(product.reserved()).isEqualTo(8);
    }

    @Test
    void releasingMakesUnitsAvailableAgain() {
        product.reserve(4);
        product.release(4);

        assertThat(product.available()).isEqualTo(10);
        assertThatThrownBy(() -> product.release(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void committingTakesReservedUnitsOffTheShelf() {
        product.reserve(4);
        product.commit(4);

        assertThat(product.onHand()).isEqualTo(6);
        assertThat(product.reserved()).isZero();
        assertThat(product.available()).isEqualTo(6);
    }

    @Test
    void stockCannotBeSetBelowWhatIsReserved() {
        product.reserve(4);

        assertThatThrownBy(() -> product.setOnHand(3)).isInstanceOf(StockBelowReservedException.class);
        product.setOnHand(4);
        assertThat(product.available()).isZero();
    }

    @Test
    void refusesNonPositiveQuantities() {
        assertThatThrownBy(() -> product.reserve(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> product.release(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
