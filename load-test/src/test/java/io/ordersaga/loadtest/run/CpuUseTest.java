package io.ordersaga.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ordersaga.loadtest.run.StackCpu.ProcessCpu;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void givesEachProcessItsShareOfTheCoresAndItsCpuPerAcceptedOrder() {
        var use = CpuUse.of(
                List.of(
                        new ProcessCpu("kafka", 9.8),
                        new ProcessCpu(StackCpu.LOAD_GENERATOR, 6),
                        new ProcessCpu("order-service", 20)),
                70,
                2,
                1200,
                "");

        assertThat(use.processes()).extracting(CpuUse.Row::name).containsExactly("order-service", "kafka");
        var order = use.processes().getFirst();
        assertThat(order.coreShare()).isCloseTo(20 / 140.0, within(1e-9));
        assertThat(order.msPerOrder()).isCloseTo(20_000 / 1200.0, within(1e-9));
        assertThat(use.stackTotal().cpuSeconds()).isCloseTo(29.8, within(1e-9));
        assertThat(use.stackTotal().msPerOrder()).isCloseTo(29_800 / 1200.0, within(1e-9));
        assertThat(use.loadGenerator().msPerOrder()).isCloseTo(5, within(1e-9));
        assertThat(use.total().cpuSeconds()).isCloseTo(35.8, within(1e-9));
        assertThat(use.total().coreShare()).isCloseTo(35.8 / 140, within(1e-9));
    }

    @Test
    void withNoAcceptedOrderThereIsNoCostPerOrder() {
        var use = CpuUse.of(List.of(new ProcessCpu("kafka", 1.5)), 60, 2, 0, "");

        assertThat(use.processes().getFirst().msPerOrder()).isZero();
        assertThat(use.processes().getFirst().coreShare()).isCloseTo(1.5 / 120, within(1e-9));
    }

    @Test
    void aStackThatIsNotLocalIsNotMeasuredAndSaysWhy() {
        var use = CpuUse.notMeasured("the stack is not local");

        assertThat(use.measured()).isFalse();
        assertThat(use.note()).isEqualTo("not measured (the stack is not local)");
        assertThat(use.processes()).isEmpty();
    }
}
