package io.ordersaga.messaging.relay;

import io.ordersaga.messaging.MessagingSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay runs (docs/outbox.md). The defaults are tuned for low lag on a small machine:
 * the relay polls Debezium's queue every 50 ms rather than every 500 ms, and commits its offsets once
 * a second. The poll interval is the relay's idle cost as well as its lag: Debezium's queue waits one
 * interval for each batch and busy-waits through the last millisecond of it (its timer counts whole
 * milliseconds and expires only after the interval has passed), and its replication reader wakes once
 * per interval; at 10 ms that cost about 0.1 of a core per service doing nothing, at 50 ms about 2.6 %
 * of a core, 1.8 of it the busy wait (docs/performance.md, the twentieth round). Under load the
 * interval is also how long each batch waits: at 70 orders/s on two cores 50 ms instead of 25 took 4
 * ms of CPU per order off the stack (fewer, larger batches at every hop) and brought the saga p99 from
 * 1.3 s to 575 ms, for about 25 ms more per hop at the median (docs/performance.md, the sixth round).
 *
 * @param enabled whether this instance takes part in relaying at all
 * @param pollInterval how long the engine waits for new changes before handing over a batch
 * @param maxBatchSize the most changes handed to the relay in one batch
 * @param maxQueueSize the changes buffered between the replication stream and the relay
 * @param offsetFlushInterval how often the acknowledged position is stored; a crash redelivers at
 *     most this much
 * @param leaderCheckInterval how often a standby tries to take over, and the active instance checks
 *     its lock
 * @param partitions the partitions of the service's topic when the relay creates it
 * @param slotName the replication slot; by default {@code <serviceName>_outbox}
 * @param offsetTable the table in the service's database that holds the relay's position
 * @param linger how long the producer waits to fill a batch to Kafka
 * @param heartbeatInterval how often the position advances while no event is written, so PostgreSQL
 *     can recycle the write-ahead log the slot would otherwise hold
 */
@ConfigurationProperties("messaging.relay")
public record RelaySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50ms") Duration pollInterval,
        @DefaultValue("2048") int maxBatchSize,
        @DefaultValue("8192") int maxQueueSize,
        @DefaultValue("1s") Duration offsetFlushInterval,
        @DefaultValue("1s") Duration leaderCheckInterval,
        @DefaultValue("12") int partitions,
        String slotName,
        @DefaultValue("relay_offsets") String offsetTable,
        @DefaultValue("5ms") Duration linger,
        @DefaultValue("10s") Duration heartbeatInterval) {

    public RelaySettings {
        if (maxQueueSize <= maxBatchSize) {
            throw new IllegalArgumentException("messaging.relay.max-queue-size must exceed max-batch-size");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("messaging.relay.partitions must be positive");
        }
        if (slotName != null && !slotName.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("messaging.relay.slot-name must match [a-z0-9_]{1,63}, was " + slotName);
        }
        if (!offsetTable.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("messaging.relay.offset-table must be a plain table name");
        }
    }

    /** The settings every property left at its default, for code that builds a relay by hand. */
    public static RelaySettings defaults() {
        return new RelaySettings(
                true,
                Duration.ofMillis(50),
                2048,
                8192,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                12,
                null,
                "relay_offsets",
                Duration.ofMillis(5),
                Duration.ofSeconds(10));
    }

    /** The replication slot of {@code messaging}'s service: slot names allow no hyphen. */
    public String slotName(MessagingSettings messaging) {
        return slotName != null ? slotName : messaging.serviceName().replace('-', '_') + "_outbox";
    }
}
