package io.ordersaga.messaging.consumer;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of every partition of a consumer's topics at one moment: what "caught up" is measured
 * against ({@link BatchConsumer#hasReached}).
 */
public final class Positions {

    private final Map<TopicPartition, Long> offsets;

    Positions(Map<TopicPartition, Long> offsets) {
        this.offsets = Map.copyOf(offsets);
    }

    Map<TopicPartition, Long> offsets() {
        return offsets;
    }

    /** Records in all partitions. */
    public long total() {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return offsets.toString();
    }
}
