package io.ordersaga.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one of the library's housekeeping tasks (the inbox's and the outbox's cleanups) on a thread
 * of its own, with a fixed delay between runs, for as long as the application context runs: a
 * library must not depend on the service enabling {@code @EnableScheduling}. A run that fails is
 * logged and the next one tries again.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private ScheduledExecutorService scheduler;

    /**
     * @param name the thread's name and the task's in the log
     * @param interval the delay after the start and between the end of one run and the next
     */
    public PeriodicTask(String name, Duration interval, Runnable task) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, was " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    private void runOnce() {
        try {
            task.run();
        } catch (RuntimeException e) {
            // Housekeeping: what it leaves undone now, the next run does.
            log.warn("{} failed, next run in {}: {}", name, interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
