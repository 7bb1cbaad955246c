package io.ordersaga.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.loadtest.run.CpuUse;
import io.ordersaga.loadtest.run.EmailDelivery;
import io.ordersaga.loadtest.run.HttpStats;
import io.ordersaga.loadtest.run.LoadAverage;
import io.ordersaga.loadtest.run.OutcomeTally;
import io.ordersaga.loadtest.run.Percentiles;
import io.ordersaga.loadtest.run.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.md: the target's line, the CPU section, the e-mails' line and the warm-up load's line. */
class SummaryFilesTest {

    private static final Machine MACHINE = new Machine("AMD EPYC", 2, 24_000, "Linux", "Java 25");

    @Test
    void aRunShowsEachProcessItsShareAndItsCpuPerOrderWithTheTotals() {
        var cpu = new CpuUse(
                true,
                "",
                70,
                2,
                1200,
                List.of(
                        new CpuUse.Row("order-service", 20.1, 0.1436, 16.75),
                        new CpuUse.Row("kafka", 9.7, 0.0693, 8.08)),
                new CpuUse.Row(CpuUse.STACK_TOTAL, 29.8, 0.2129, 24.83),
                new CpuUse.Row("load generator (Gatling)", 6, 0.0429, 5),
                new CpuUse.Row(CpuUse.TOTAL, 35.8, 0.2557, 29.83));

        String markdown = SummaryFiles.markdown(summary(null, step(20, cpu)));

        assertThat(markdown)
                .contains("## CPU")
                .contains(
                        "20 orders/s: 70.0 s from the start of the load to the end of the drain, 1,200 orders accepted.")
                .contains("| process | CPU (s) | share of the 2 cores | CPU per accepted order (ms) |")
                .contains("| order-service | 20.1 | 14.4 % | 16.8 |\n| kafka | 9.7 | 6.9 % | 8.1 |\n"
                        + "| **stack total** | 29.8 | 21.3 % | 24.8 |\n"
                        + "| load generator (Gatling) | 6.0 | 4.3 % | 5.0 |\n"
                        + "| **total, with the load generator** | 35.8 | 25.6 % | 29.8 |");
    }

    @Test
    void theCpuWindowOfARunWhoseEmailsWereWaitedForEndsWithTheLastEmail() {
        var cpu = new CpuUse(
                true,
                "",
                75,
                2,
                1200,
                List.of(new CpuUse.Row("notification-service", 3, 0.02, 2.5)),
                new CpuUse.Row(CpuUse.STACK_TOTAL, 3, 0.02, 2.5),
                new CpuUse.Row("load generator (Gatling)", 6, 0.04, 5),
                new CpuUse.Row(CpuUse.TOTAL, 9, 0.06, 7.5));
        var emails =
                new EmailDelivery(true, "", 2_100, 2_100, 0, 0, new Percentiles(2_100, 300, 700, 900, 1_400), 2_600);

        assertThat(SummaryFiles.markdown(summary(null, step(20, cpu, emails))))
                .contains("20 orders/s: 75.0 s from the start of the load until every order had ended and every"
                        + " e-mail owed was sent (or the wait for them gave up), 1,200 orders accepted.");
    }

    @Test
    void emailsThatAllWentOutSayWhenTheLastDidAndHowLongAfterItsOrderEachWaited() {
        var cpu = CpuUse.notMeasured("the stack is not local");
        var emails =
                new EmailDelivery(true, "", 2_100, 2_098, 2, 0, new Percentiles(2_098, 300, 700, 900, 1_400), 2_600);

        assertThat(SummaryFiles.markdown(summary(null, step(20, cpu, emails))))
                .contains("E-mails: 2,100 owed by the ended orders, 2,098 sent, 2 given up on; the last 2,600 ms"
                        + " after the last order was placed (the sagas' drain: 0 ms). From an order's end to its e-mail's sending"
                        + " (p50 / p95 / p99 / max, ms): 300 / 700 / 900 / 1400.\n");
    }

    @Test
    void emailsStillOwedWhenTheWaitGaveUpAreCalledOut() {
        var cpu = CpuUse.notMeasured("the stack is not local");
        var emails = new EmailDelivery(
                true, "", 2_100, 1_600, 0, 500, new Percentiles(1_600, 30_000, 70_000, 90_000, 95_000), 900_000);

        assertThat(SummaryFiles.markdown(summary(null, step(20, cpu, emails))))
                .contains("E-mails: 2,100 owed by the ended orders, 1,600 sent, **500 still owed when the wait gave"
                        + " up** 900,000 ms after the last order was placed.");
    }

    @Test
    void theSaturationModeHasAColumnPerStep() {
        var slow = new CpuUse(
                true,
                "",
                60,
                2,
                600,
                List.of(new CpuUse.Row("order-service", 12, 0.1, 20)),
                new CpuUse.Row(CpuUse.STACK_TOTAL, 12, 0.1, 20),
                new CpuUse.Row("load generator (Gatling)", 3, 0.025, 5),
                new CpuUse.Row(CpuUse.TOTAL, 15, 0.125, 25));
        var fast = new CpuUse(
                true,
                "not counted, not running for the whole window: kafka",
                60,
                2,
                1200,
                List.of(new CpuUse.Row("order-service", 18, 0.15, 15)),
                new CpuUse.Row(CpuUse.STACK_TOTAL, 18, 0.15, 15),
                new CpuUse.Row("load generator (Gatling)", 6, 0.05, 5),
                new CpuUse.Row(CpuUse.TOTAL, 24, 0.2, 20));
        var verdict = new Summary.SaturationVerdict(
                10, "20 orders/s: saga p99 1500 ms > 1000 ms", List.of("sustained", "p99"));

        String markdown = SummaryFiles.markdown(summary(verdict, step(10, slow), step(20, fast)));

        assertThat(markdown)
                .contains("| process | 10 orders/s | 20 orders/s |")
                .contains("| order-service | 20.0 (10 %) | 15.0 (15 %) |")
                .contains("| **stack total** | 20.0 (10 %) | 15.0 (15 %) |")
                .contains("| window (s) / orders accepted | 60.0 / 600 | 60.0 / 1,200 |")
                .contains("At 20 orders/s: not counted, not running for the whole window: kafka.");
    }

    @Test
    void aStackThatIsNotLocalSaysItsCpuWasNotMeasured() {
        String markdown = SummaryFiles.markdown(summary(null, step(20, CpuUse.notMeasured("the stack is not local"))));

        assertThat(markdown).contains("## CPU\n\nCPU per order: not measured (the stack is not local).\n");
    }

    @Test
    void aWarmUpThatFellBehindShowsItsBacklogMinuteByMinute() {
        var cpu = CpuUse.notMeasured("the stack is not local");
        var minuteOne = new Percentiles(600, 100, 200, 400, 500);
        var minuteTwo = new Percentiles(900, 20_000, 29_000, 30_500, 31_000);
        var warmup = new StepResult(
                80,
                480,
                new HttpStats(21_600, 21_600, 0, 45, minuteOne, Percentiles.NONE),
                45,
                new Percentiles(21_600, 300, 28_000, 30_400, 31_000),
                List.of(minuteOne, minuteTwo, Percentiles.NONE),
                List.of(),
                9_800,
                0,
                0,
                new EmailDelivery(true, "", 39_000, 37_000, 0, 2_000, Percentiles.NONE, 120_000),
                new OutcomeTally(List.of(), Map.of(), 1_312, List.of()),
                "",
                new LoadAverage(1, 1, 1),
                new LoadAverage(17, 15, 9),
                cpu);

        String markdown = SummaryFiles.markdown(summaryAfterWarmup(null, warmup, step(80, cpu)));

        assertThat(markdown)
                .contains("**Warm-up load** (not measured, not judged; up to 80 orders/s in 480 s): 21,600 accepted"
                        + " of 21,600, saga p50 / p95 / p99 / max 300 / 28000 / 30400 / 31000 ms,"
                        + " ended other than built for: 1,312, drain 9,800 ms, 2,000 e-mails still owed 120,000 ms"
                        + " after its last order was placed."
                        + " Saga p99 per minute (ms): 1: 400, 2: 30,500, 3: -.");
    }

    @Test
    void theTargetLineSaysHowManyPartitionsEachTopicOfTheStackHas() {
        var cpu = CpuUse.notMeasured("the stack is not local");

        assertThat(SummaryFiles.markdown(summary(null, step(20, cpu))))
                .contains("- **Target:** http://127.0.0.1:8081; stack of order-service, 3 partitions per topic,"
                        + " already running\n");
    }

    @Test
    void theMachineSpeedLineGivesTheSortAndTheRoundTripBeforeAndAfterTheLoad() {
        var cpu = CpuUse.notMeasured("the stack is not local");

        assertThat(SummaryFiles.markdown(summary(null, step(20, cpu))))
                .contains("- **Machine speed:** one thread sorting 200,000 boxed longs took 81.2 ms before the load"
                        + " and 97.5 ms after; a loopback TCP round trip 18.3 µs before and 24.0 µs after (each the"
                        + " fastest of ten; the same build costs more per order when these are slower)\n");
    }

    @Test
    void aRunWithoutAWarmUpLoadSaysNothingAboutOne() {
        var cpu = CpuUse.notMeasured("the stack is not local");

        assertThat(SummaryFiles.markdown(summary(null, step(20, cpu)))).doesNotContain("Warm-up");
    }

    private static Summary summary(Summary.SaturationVerdict saturation, StepResult... steps) {
        return summaryAfterWarmup(saturation, null, steps);
    }

    private static Summary summaryAfterWarmup(
            Summary.SaturationVerdict saturation, StepResult warmup, StepResult... steps) {
        return new Summary(
                saturation == null ? "run" : "saturation",
                "2026-11-25T17:32:00Z",
                "2026-11-25T17:40:00Z",
                MACHINE,
                new MachineSpeed(new MachineSpeed.Probe(81.24, 18.26), new MachineSpeed.Probe(97.5, 24.04)),
                "http://127.0.0.1:8081",
                List.of("order-service"),
                false,
                3,
                "confirmed=100",
                List.of(steps),
                warmup,
                saturation,
                List.of(),
                List.of(),
                true,
                List.of());
    }

    private static StepResult step(double rate, CpuUse cpu) {
        return step(rate, cpu, EmailDelivery.notMeasured("notification-service is not part of a local stack"));
    }

    private static StepResult step(double rate, CpuUse cpu, EmailDelivery emails) {
        var latency = new Percentiles(100, 10, 20, 30, 40);
        var load = new LoadAverage(1, 1, 1);
        return new StepResult(
                rate,
                60,
                new HttpStats(100, 100, 0, rate, latency, Percentiles.NONE),
                rate,
                latency,
                List.of(),
                List.of(),
                0,
                0,
                0,
                emails,
                new OutcomeTally(List.of(), Map.of(), 0, List.of()),
                "",
                load,
                load,
                cpu);
    }
}
