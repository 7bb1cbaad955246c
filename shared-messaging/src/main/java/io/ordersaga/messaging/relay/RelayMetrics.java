package io.ordersaga.messaging.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the relay reports: {@code outbox.relay.lag} (database commit to Kafka acknowledgement, per
 * event), {@code outbox.relay.events} (events acknowledged by Kafka) and {@code outbox.relay.active}
 * (1 on the instance that relays, 0 on standbys).
 */
final class RelayMetrics {

    /** The lag target of the spec, published as a service-level bucket so dashboards can show the share under it. */
    static final Duration LAG_TARGET = Duration.ofMillis(200);

    private final Timer lag;
    private final Counter events;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong lastLagMicros = new AtomicLong(-1);

    RelayMetrics(MeterRegistry registry) {
        this.lag = Timer.builder("outbox.relay.lag")
                .description("Time from the outbox insert's commit to Kafka's acknowledgement of the event")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .serviceLevelObjectives(LAG_TARGET)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.events = Counter.builder("outbox.relay.events")
                .description("Outbox events relayed to Kafka and acknowledged")
                .register(registry);
        Gauge.builder("outbox.relay.active", active, AtomicInteger::get)
                .description("1 while this instance holds the relay lock and relays, 0 on a standby")
                .register(registry);
    }

    void acknowledged(long commitMicros, long ackMicros) {
        long lagMicros = Math.max(0, ackMicros - commitMicros);
        lag.record(lagMicros, TimeUnit.MICROSECONDS);
        lastLagMicros.set(lagMicros);
    }

    void relayed(int count) {
        events.increment(count);
    }

    void active(boolean isActive) {
        active.set(isActive ? 1 : 0);
    }

    /** The lag of the last acknowledged event in milliseconds, or -1 before the first. */
    double lastLagMillis() {
        long micros = lastLagMicros.get();
        return micros < 0 ? -1 : micros / 1000.0;
    }

    long relayedEvents() {
        return (long) events.count();
    }

    Timer lag() {
        return lag;
    }
}
