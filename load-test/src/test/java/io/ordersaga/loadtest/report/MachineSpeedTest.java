package io.ordersaga.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixed piece of work the machine's speed is timed with: the same every time. */
class MachineSpeedTest {

    @Test
    void everyTimingSortsTheSameMillionUnsortedLongs() {
        long[] data = MachineSpeed.data();
        long[] sorted = data.clone();
        java.util.Arrays.sort(sorted);

        assertThat(data).hasSize(MachineSpeed.LONGS).isEqualTo(MachineSpeed.data());
        assertThat(data).isNotEqualTo(sorted);
    }

    @Test
    void theTimingIsOfWorkThatTookTime() {
        assertThat(MachineSpeed.sortMillis()).isPositive();
    }
}
