package io.ordersaga.inventory.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StockLevelTest {

    private final StockLevel stock = new StockLevel("SKU-1", 10, 0);

    @Test
    void reservingTakesUnitsOutOfWhatIsAvailableButLeavesThemOnHand() {
        var reserved = stock.reserve(4);

        assertThat(reserved.onHand()).isEqualTo(10);
        assertThat(reserved.reserved()).isEqualTo(4);
        assertThat(reserved.available()).isEqualTo(6);
    }

    @Test
    void neverPromisesMoreThanIsAvailable() {
        var reserved = stock.reserve(8);

        assertThatThrownBy(() -> reserved.reserve(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot reserve 3 of SKU-1: only 2 available");
    }

    @Test
    void releasingMakesUnitsAvailableAgain() {
        var released = stock.reserve(4).release(4);

        assertThat(released.available()).isEqualTo(10);
        assertThatThrownBy(() -> released.release(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void committingTakesReservedUnitsOffTheShelf() {
        var committed = stock.reserve(4).commit(4);

        assertThat(committed.onHand()).isEqualTo(6);
        assertThat(committed.reserved()).isZero();
        assertThat(committed.available()).isEqualTo(6);
    }

    @Test
    void cannotCommitMoreThanIsReserved() {
        var reserved = stock.reserve(4);

        assertThatThrownBy(() -> reserved.commit(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release 5 of SKU-1: only 4 reserved");
    }

    @Test
    void stockCannotBeSetBelowWhatIsReserved() {
        var reserved = stock.reserve(4);

        assertThatThrownBy(() -> reserved.withOnHand(3)).isInstanceOf(StockBelowReservedException.class);
        assertThat(reserved.withOnHand(4).available()).isZero();
    }

    @Test
    void refusesNonPositiveQuantities() {
        assertThatThrownBy(() -> stock.reserve(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stock.release(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLevelBeyondTheInvariantCannotExist() {
        assertThatThrownBy(() -> new StockLevel("SKU-1", 3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel("SKU-1", 3, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
