package io.ordersaga.messaging.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * One batch consumer group at work: its listener container, and how far it has got. Offsets are
 * committed after each batch the handler returned from, so a committed offset means every event
 * before it has been applied.
 */
public final class BatchConsumer implements SmartLifecycle {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String group;
    private final List<String> topics;
    private final ConsumerFactory<byte[], byte[]> consumerFactory;
    private final ConcurrentMessageListenerContainer<byte[], byte[]> container;
    private Consumer<byte[], byte[]> offsetReader;

    BatchConsumer(
            String group,
            List<String> topics,
            ConsumerFactory<byte[], byte[]> consumerFactory,
            ConcurrentMessageListenerContainer<byte[], byte[]> container) {
        this.group = group;
        this.topics = List.copyOf(topics);
        this.consumerFactory = consumerFactory;
        this.container = container;
    }

    public String group() {
        return group;
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
        synchronized (this) {
            if (offsetReader != null) {
                offsetReader.close();
                offsetReader = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE;
    }

    /** The end of every partition of the topics now: what has been published so far. */
    public synchronized Positions endOffsets() {
        Consumer<byte[], byte[]> consumer = offsetReader();
        return new Positions(consumer.endOffsets(partitions(consumer), TIMEOUT));
    }

    /** Whether the group has applied every record before {@code target} in every partition. */
    public synchronized boolean hasReached(Positions target) {
        Map<TopicPartition, Long> position =
                position(offsetReader(), target.offsets().keySet());
        return target.offsets().entrySet().stream().allMatch(entry -> position.get(entry.getKey()) >= entry.getValue());
    }

    /** Records published but not yet applied by the group, over all partitions. */
    public synchronized long lag() {
        Consumer<byte[], byte[]> consumer = offsetReader();
        Set<TopicPartition> partitions = partitions(consumer);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> position = position(consumer, partitions);
        return partitions.stream()
                .mapToLong(partition -> Math.max(0, ends.get(partition) - position.get(partition)))
                .sum();
    }

    /** The group's committed offset, or the log's start where it has committed none. */
    private Map<TopicPartition, Long> position(Consumer<byte[], byte[]> consumer, Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, TIMEOUT);
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, TIMEOUT);
        var position = new HashMap<TopicPartition, Long>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            position.put(partition, offset == null ? starts.get(partition) : offset.offset());
        }
        return position;
    }

    private Set<TopicPartition> partitions(Consumer<byte[], byte[]> consumer) {
        var partitions = new HashSet<TopicPartition>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, TIMEOUT)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    /**
     * A consumer of the group that never subscribes: it reads offsets without joining the group.
     * One per batch consumer, kept until {@link #stop}; callers hold the monitor (a Kafka consumer
     * is single-threaded).
     */
    private Consumer<byte[], byte[]> offsetReader() {
        if (offsetReader == null) {
            offsetReader = consumerFactory.createConsumer(group, group, "-offsets");
        }
        return offsetReader;
    }
}
