package io.ordersaga.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fixed pieces of work the machine's speed is timed with: the same every time. */
class MachineSpeedTest {

    @Test
    void everySortTimingSortsTheSameUnsortedBoxedLongs() {
        Long[] data = MachineSpeed.data();
        Long[] sorted = data.clone();
        Arrays.sort(sorted);

        assertThat(data).hasSize(MachineSpeed.LONGS).isEqualTo(MachineSpeed.data());
        assertThat(data).isNotEqualTo(sorted);
    }

    @Test
    void aProbeTimesBothPiecesOfWork() {
        MachineSpeed.Probe probe = MachineSpeed.Probe.now();

        assertThat(probe.sortMillis()).isPositive();
        assertThat(probe.roundTripMicros()).isPositive();
    }

    @Test
    void theRoundTripsLeaveNoEchoThreadBehind() {
        MachineSpeed.roundTripMicros();

        // The echo thread ends once the client has closed its connection.
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("machine-speed-echo")));
    }
}
