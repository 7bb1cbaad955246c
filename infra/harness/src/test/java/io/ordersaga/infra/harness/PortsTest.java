package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void neverHandsOutAPortTwiceWhenTheKernelOffersItAgain() {
        Iterator<Integer> offered = List.of(41000, 41000, 41000, 41001).iterator();
        var ports = new Ports(offered::next);

        assertThat(ports.next()).isEqualTo(41000);
        assertThat(ports.next()).isEqualTo(41001);
    }

    @Test
    void givesUpWhenTheKernelOffersOnlyPortsHandedOutAlready() {
        var ports = new Ports(() -> 41000);
        ports.next();

        assertThatThrownBy(ports::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Ports.ATTEMPTS + " attempts");
    }

    @Test
    void findsDistinctFreePortsOnLoopback() {
        var found = new HashSet<Integer>();
        IntStream.range(0, 50).forEach(i -> found.add(Ports.freePort()));

        assertThat(found).hasSize(50).allMatch(port -> port > 0 && port < 65536);
    }
}
