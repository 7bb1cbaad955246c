package io.ordersaga.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
    void warnsAboutAFailureThatLastsOnceAndAgainAtTheTenthFailedRunNotAtEveryRun() {
        var runs = new AtomicInteger();
        var task = new PeriodicTask("outbox-cleanup", INTERVAL, () -> {
            if (runs.incrementAndGet() <= 12) {
                throw new IllegalStateException("database unavailable");
            }
        });
        var logged = new ListAppender<ILoggingEvent>();
        var logger = (Logger) LoggerFactory.getLogger(PeriodicTask.class);
        logged.start();
        logger.addAppender(logged);

        task.start();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> logged.list.stream().anyMatch(event -> event.getLevel() == Level.INFO));
        } finally {
            task.stop();
            logger.detachAppender(logged);
        }

        assertThat(logged.list)
                .filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "outbox-cleanup failed (1 in a row), trying again every PT0.02S:"
                                + " java.lang.IllegalStateException: database unavailable",
                        "outbox-cleanup failed (10 in a row), trying again every PT0.02S:"
                                + " java.lang.IllegalStateException: database unavailable");
        assertThat(logged.list)
                .filteredOn(event -> event.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("outbox-cleanup ran again after 12 failed runs");
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
