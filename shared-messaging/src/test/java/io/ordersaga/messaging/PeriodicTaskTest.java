package io.ordersaga.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    @Test
    void runsAgainAfterARunThatFailed() {
        var runs = new AtomicInteger();
        var task = new PeriodicTask("flaky-cleanup", INTERVAL, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database unavailable");
            }
        });

        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        } finally {
            task.stop();
        }
    }

    @Test
    void runsNoMoreOnceStopped() {
        var runs = new AtomicInteger();
        var task = new PeriodicTask("cleanup", INTERVAL, runs::incrementAndGet);
        task.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 1);

        task.stop();
        int afterStop = runs.get();

        assertThat(task.isRunning()).isFalse();
        // Ten intervals during which a running schedule would have run again.
        await().during(INTERVAL.multipliedBy(10)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() == afterStop);
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new PeriodicTask("cleanup", Duration.ZERO, () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cleanup");
    }
}
