package io.ordersaga.loadtest.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

    private static final Path PLACED = Path.of("/tmp/orders.csv");

    @Test
    void aConstantRateDoesNotRamp() {
        var constant = SimulationSettings.constant(
                "http://shop:8081", 20, Duration.ofSeconds(30), OutcomeMix.DEFAULT, 1, PLACED);

        assertThat(constant.ramps()).isFalse();
        assertThat(constant.startRate()).isEqualTo(20);
        assertThat(constant.describeRate()).isEqualTo("20.0 orders/s");
    }

    @Test
    void aRampTravelsToTheSimulationThroughSystemPropertiesWithBothRates() {
        var ramp = new SimulationSettings(
                "http://shop:8081", 10, 60, Duration.ofMinutes(2), OutcomeMix.DEFAULT, 7, PLACED);

        assertThat(ramp.ramps()).isTrue();
        assertThat(ramp.describeRate()).isEqualTo("10.0 to 60.0 orders/s");
        var properties = ramp.asSystemProperties();
        assertThat(properties).containsEntry("loadtest.start-rate", "10.0").containsEntry("loadtest.rate", "60.0");
        properties.forEach(System::setProperty);
        try {
            assertThat(SimulationSettings.fromSystemProperties()).isEqualTo(ramp);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThatThrownBy(() -> new SimulationSettings(
                        "http://shop:8081", 0, 60, Duration.ofMinutes(1), OutcomeMix.DEFAULT, 1, PLACED))
                .hasMessageContaining("positive");
    }
}
