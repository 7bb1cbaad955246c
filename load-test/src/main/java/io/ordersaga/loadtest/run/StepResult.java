package io.ordersaga.loadtest.run;

import java.util.List;

/**
 * One period of constant load and what followed it: the HTTP side, the sagas' placed-to-terminal
 * latency, how long the system took to catch up, and how the orders ended.
 *
 * @param targetRate orders per second the customers arrived at
 * @param durationSeconds how long they arrived
 * @param http every attempt's HTTP figures
 * @param acceptedRate accepted orders per second, between the first and the last {@code placedAt}
 * @param saga placed to CONFIRMED or CANCELLED, over the accepted orders that ended (from the order
 *     service's {@code placed_at} and {@code completed_at})
 * @param sagaByMinute the same per minute of placement, to show whether the latency drifts
 * @param hops the saga's time per participant round trip, when the order database is readable
 * @param drainMillis from the end of the load until the last accepted order ended
 * @param lost accepted orders the order service does not know
 * @param stuck accepted orders still in flight after the drain timeout
 * @param emails whether notification-service kept up: the e-mails the ended orders are owed, and when
 *     they were sent
 * @param outcomes how the orders ended against what they were built for
 * @param gatlingReport Gatling's HTML report
 * @param loadBefore the machine's load average as the load began
 * @param loadAfter and as the drain ended
 * @param cpu the CPU each process of the stack used from the start of the load until every order had
 *     ended and, when they are measured, every e-mail owed was sent
 */
public record StepResult(
        double targetRate,
        long durationSeconds,
        HttpStats http,
        double acceptedRate,
        Percentiles saga,
        List<Percentiles> sagaByMinute,
        List<SagaHops.Hop> hops,
        long drainMillis,
        long lost,
        long stuck,
        EmailDelivery emails,
        OutcomeTally outcomes,
        String gatlingReport,
        LoadAverage loadBefore,
        LoadAverage loadAfter,
        CpuUse cpu) {

    public StepResult {
        sagaByMinute = List.copyOf(sagaByMinute);
        hops = List.copyOf(hops);
    }

    /** Whether every accepted order ended as built for, with no HTTP error: the run's correctness. */
    public boolean correct() {
        return http.errors() == 0 && lost == 0 && stuck == 0 && outcomes.mismatches() == 0;
    }

    /** What went wrong, for the summary; empty when {@link #correct()}. */
    public List<String> problems() {
        var problems = new java.util.ArrayList<String>();
        if (http.errors() > 0) {
            problems.add(http.errors() + " HTTP error(s)");
        }
        if (lost > 0) {
            problems.add(lost + " accepted order(s) lost");
        }
        if (stuck > 0) {
            problems.add(stuck + " order(s) stuck in flight");
        }
        if (outcomes.mismatches() > 0) {
            problems.add(outcomes.mismatches() + " order(s) ended other than built for, e.g. "
                    + outcomes.mismatchExamples().getFirst());
        }
        return problems;
    }
}
