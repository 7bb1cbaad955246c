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
 * logged and the next one tries again; a failure that lasts is logged once, again after 10, 100...
 * failed runs in a row, and its end once.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private ScheduledExecutorService scheduler;
    // Only the scheduler's one thread reads and writes it.
    private long failedRunsInARow;

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
            if (failedRunsInARow > 0) {
                log.info("{} ran again after {} failed runs", name, failedRunsInARow);
                failedRunsInARow = 0;
            }
        } catch (RuntimeException e) {
            // Housekeeping: what it leaves undone now, the next run does. A warning for the first
            // failure and for the 10th, 100th... in a row, not one per interval: a database down for
            // a minute would otherwise fill the log with sixty of them.
            failedRunsInARow++;
            if (isOneOrAPowerOfTen(failedRunsInARow)) {
                log.warn(
                        "{} failed ({} in a row), trying again every {}: {}",
                        name,
                        failedRunsInARow,
                        interval,
                        e.toString());
            } else {
                log.debug("{} failed ({} in a row): {}", name, failedRunsInARow, e.toString());
            }
        }
    }

    private static boolean isOneOrAPowerOfTen(long n) {
        while (n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
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
