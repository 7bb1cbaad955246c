package io.ordersaga.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordersaga.loadtest.simulation.OutcomeMix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTestOptionsTest {

    private static final Path ROOT = Path.of("/work/project");

    @Test
    void withoutOptionsRunsTenThousandOrdersPerMinuteForTenMinutesAgainstTheLocalStack() {
        var options = LoadTestOptions.parse(List.of(), ROOT);

        assertThat(options.rate() * 60).isCloseTo(10_000, org.assertj.core.data.Offset.offset(30.0));
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.mix()).isEqualTo(OutcomeMix.DEFAULT);
        assertThat(options.saturation()).isEmpty();
        assertThat(options.baseUrl()).isEmpty();
        assertThat(options.stackDirectory()).isEqualTo(ROOT.resolve("target/local-stack"));
        assertThat(options.output()).isEqualTo(ROOT.resolve("target/load-test"));
    }

    @Test
    void saturationStepsFromItsStartRateWithTheSpecsLatencyLimit() {
        var options =
                LoadTestOptions.parse(List.of("--saturation", "--start-rate", "150", "--step-duration", "2m"), ROOT);

        var plan = options.saturation().orElseThrow();
        assertThat(plan.startRate()).isEqualTo(150);
        assertThat(plan.stepDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(plan.p99LimitMillis()).isEqualTo(1000);
    }

    @Test
    void warmsAFreshStackUpForAMinuteAtTenOrdersPerSecondUnlessToldOtherwise() {
        var defaults = LoadTestOptions.parse(List.of(), ROOT);
        assertThat(defaults.warmupLoad()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.warmupRate()).isEqualTo(10);

        var none = LoadTestOptions.parse(List.of("--warmup-load", "0s", "--warmup-rate", "25"), ROOT);
        assertThat(none.warmupLoad()).isZero();
        assertThat(none.warmupRate()).isEqualTo(25);
    }

    @Test
    void theWarmUpLoadRampsToTheRateOrToTheFirstSaturationStep() {
        assertThat(LoadTestOptions.parse(List.of("--rate", "60"), ROOT).firstRate())
                .isEqualTo(60);
        assertThat(LoadTestOptions.parse(List.of("--rate", "60", "--saturation", "--start-rate", "30"), ROOT)
                        .firstRate())
                .isEqualTo(30);
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertThat(LoadTestOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LoadTestOptions.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoadTestOptions.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(LoadTestOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LoadTestOptions.duration("PT2M30S")).isEqualTo(Duration.ofSeconds(150));
        assertThatThrownBy(() -> LoadTestOptions.duration("10y")).hasMessageContaining("not a duration");
    }

    @Test
    void aBaseUrlLosesItsTrailingSlashAndUnknownOptionsAreRefused() {
        assertThat(LoadTestOptions.parse(List.of("--base-url", "http://shop:8081/"), ROOT)
                        .baseUrl())
                .contains("http://shop:8081");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--rte", "10"), ROOT))
                .hasMessageContaining("--rte");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--rate"), ROOT)).hasMessageContaining("needs a value");
    }
}
