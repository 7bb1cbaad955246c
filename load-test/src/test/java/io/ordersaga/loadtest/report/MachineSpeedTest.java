package io.ordersaga.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixed piece of work the machine's speed is timed with: the same every time, and really done. */
class MachineSpeedTest {

    @Test
    void everyTimingSortsTheSameMillionLongs() {
        long[] data = MachineSpeed.data();

        assertThat(data).hasSize(MachineSpeed.LONGS).isEqualTo(MachineSpeed.data());
        assertThat(data).isNotEqualTo(MachineSpeed.sorted(data));
    }

    @Test
    void aSortLeavesTheDataAsItWasForTheNextOne() {
        long[] data = MachineSpeed.data();

        long[] sorted = MachineSpeed.sorted(data);

        assertThat(sorted).isSorted().hasSameSizeAs(data);
        assertThat(data).isEqualTo(MachineSpeed.data());
    }

    @Test
    void theTimingIsOfWorkThatTookTime() {
        assertThat(MachineSpeed.sortMillis()).isPositive();
    }
}
