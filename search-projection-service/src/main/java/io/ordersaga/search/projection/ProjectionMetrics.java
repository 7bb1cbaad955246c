package io.ordersaga.search.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * How far behind the events the live read model is: {@code search.projection.lag} (event
 * occurredAt → its document written) and {@code search.projection.events} (events indexed), both
 * tagged {@code projector=live|rebuild}; the last live batch is what health judges.
 */
@Component
public class ProjectionMetrics {

    static final String LAG = "search.projection.lag";
    static final String EVENTS = "search.projection.events";

    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicReference<LastBatch> lastLiveBatch = new AtomicReference<>();

    /**
     * The last batch the live projector wrote: its newest event, and how long after that event it
     * was written, which is how far the read model was behind the saga at that moment.
     */
    public record LastBatch(Instant indexedAt, Instant latestEventAt, Duration lag) {}

    ProjectionMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void indexed(String projector, List<OrderFact> facts) {
        Instant now = clock.instant();
        Timer lag = Timer.builder(LAG)
                .description("Time from an event happening to its order document being written")
                .tag("projector", projector)
                .publishPercentileHistogram()
                .register(meters);
        Instant latest = null;
        for (OrderFact fact : facts) {
            Duration late = Duration.between(fact.occurredAt(), now);
            lag.record(late.isNegative() ? Duration.ZERO : late);
            latest = latest == null || fact.occurredAt().isAfter(latest) ? fact.occurredAt() : latest;
        }
        Counter.builder(EVENTS)
                .description("Events written into order documents")
                .tag("projector", projector)
                .register(meters)
                .increment(facts.size());
        if (OrderProjector.LIVE.equals(projector) && latest != null) {
            Duration behind = Duration.between(latest, now);
            lastLiveBatch.set(new LastBatch(now, latest, behind.isNegative() ? Duration.ZERO : behind));
        }
    }

    public Optional<LastBatch> lastLiveBatch() {
        return Optional.ofNullable(lastLiveBatch.get());
    }
}
