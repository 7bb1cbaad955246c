package io.ordersaga.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaturationTest {

    private final Saturation saturation =
            new Saturation(null, new Saturation.Plan(100, 50, 600, Duration.ofMinutes(1), 1000, Duration.ofSeconds(5)));

    @Test
    void aStepWithinTheLatencyLimitThatDrainsAtOnceIsSustained() {
        assertThat(saturation.judge(step(200, 199.8, 640, 900, 0))).isEmpty();
    }

    @Test
    void aStepIsNotSustainedWhenTheP99PassesOneSecond() {
        assertThat(saturation.judge(step(200, 199.8, 1200, 900, 0))).containsExactly("saga p99 1200 ms > 1000 ms");
    }

    @Test
    void aStepIsNotSustainedWhenTheOrdersFallBehind() {
        assertThat(saturation.judge(step(200, 199.8, 800, 12_000, 0)))
                .singleElement()
                .asString()
                .startsWith("orders fell behind");
    }

    @Test
    void aStepIsNotSustainedWhenItsEmailsFallBehindItsOrders() {
        var emails = new EmailDelivery(true, "", 2_000, 2_000, 0, 0, Percentiles.NONE, 40_000);

        assertThat(saturation.judge(step(200, 199.8, 800, 900, 0, emails)))
                .containsExactly("e-mails fell behind: the last was sent 40000 ms after the last order > 5000 ms");
    }

    @Test
    void aStepWhoseEmailsWentOutWithinTheDrainLimitIsSustained() {
        var emails = new EmailDelivery(true, "", 2_000, 2_000, 0, 0, Percentiles.NONE, 2_500);

        assertThat(saturation.judge(step(200, 199.8, 800, 900, 0, emails))).isEmpty();
    }

    @Test
    void aStepIsNotSustainedWhenTheCustomersCouldNotArriveAtTheRateOrRequestsFailed() {
        assertThat(saturation.judge(step(300, 250, 800, 900, 3)))
                .containsExactly("3 HTTP error(s)", "arrivals 250.0/s short of 300.0/s");
    }

    private static StepResult step(double rate, double arrivals, long p99, long drain, long errors) {
        return step(rate, arrivals, p99, drain, errors, EmailDelivery.notMeasured("not measured here"));
    }

    private static StepResult step(
            double rate, double arrivals, long p99, long drain, long errors, EmailDelivery emails) {
        var latency = new Percentiles(1000, p99 / 3, p99 / 2, p99, p99 + 100);
        var http = new HttpStats(1000, 1000 - errors, errors, arrivals, latency, Percentiles.NONE);
        var outcomes = new OutcomeTally(List.of(), java.util.Map.of(), 0, List.of());
        var load = new LoadAverage(1, 1, 1);
        return new StepResult(
                rate,
                60,
                http,
                arrivals,
                latency,
                List.of(),
                List.of(),
                drain,
                0,
                0,
                emails,
                outcomes,
                "",
                load,
                load,
                CpuUse.notMeasured("not measured here"));
    }
}
