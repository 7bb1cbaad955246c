package io.ordersaga.order.orders;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys older than {@code orders.idempotency.retention}, so the table holds a
 * day of keys rather than every key ever sent. Every instance of the service runs it; deleting a
 * key twice deletes nothing, so that is harmless.
 */
@Component
class IdempotencyKeyExpiry implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final IdempotencyKeys keys;
    private final IdempotencySettings settings;
    private final Clock clock;

    IdempotencyKeyExpiry(IdempotencyKeys keys, IdempotencySettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> expireAsOf(clock.instant()), settings.cleanupInterval());
    }

    /** Deletes every key claimed more than the retention before {@code now}; returns how many. */
    int expireAsOf(Instant now) {
        var cutoff = now.minus(settings.retention());
        int total = 0;
        int deleted;
        do {
            deleted = keys.deleteClaimedBefore(cutoff, settings.cleanupBatchSize());
            total += deleted;
        } while (deleted == settings.cleanupBatchSize());
        if (total > 0) {
            log.info("forgot {} idempotency keys older than {}", total, settings.retention());
        }
        return total;
    }
}
