package io.ordersaga.messaging.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.unit.DataSize;

/**
 * What a service consumes and how failures are retried (docs/failure-policy.md). The consumer group
 * is {@code messaging.service-name}.
 *
 * @param topics the topics the service's {@link EventHandler} event types are published on, e.g.
 *     {@code orders.events}; listed explicitly, because a topic carries several event types and the
 *     mapping from type to topic belongs to the publisher
 * @param partitions partition count of those topics; their dead-letter topics get the same, so a
 *     dead letter keeps its partition number
 * @param concurrency consumer threads; partitions are spread over them (more than the partition
 *     count stay idle)
 * @param retry backoff for transient failures
 * @param commitInterval how often the consumed offsets are committed: at most once per interval (200
 *     ms by default), or after every poll when zero. Every handler is idempotent (the inbox), so a
 *     longer interval only means more events delivered again after a crash; in exchange the broker
 *     writes one offset commit per interval instead of one per poll (docs/failure-policy.md,
 *     docs/performance.md: a quarter of Kafka's CPU at 60 orders/s)
 * @param deferred topics whose events the service handles off the saga's path, fetched in longer
 *     intervals by a consumer of their own in the same group
 */
@ConfigurationProperties("messaging.consumer")
public record ConsumerSettings(
        @DefaultValue List<String> topics,
        @DefaultValue("12") int partitions,
        @DefaultValue("1") int concurrency,
        @DefaultValue Retry retry,
        @DefaultValue("200ms") Duration commitInterval,
        @DefaultValue Deferred deferred) {

    public ConsumerSettings {
        topics = List.copyOf(topics);
        var both = new HashSet<>(topics);
        both.retainAll(deferred.topics());
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("messaging.consumer.topics and messaging.consumer.deferred.topics"
                    + " must not share a topic; both list " + both);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("messaging.consumer.partitions must be at least 1, was " + partitions);
        }
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "messaging.consumer.commit-interval must not be negative, was " + commitInterval);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("messaging.consumer.concurrency must be at least 1, was " + concurrency);
        }
    }

    /** Every topic the service consumes: {@link #topics} and {@link Deferred#topics}. */
    public List<String> allTopics() {
        var all = new ArrayList<>(topics);
        all.addAll(deferred.topics());
        return List.copyOf(all);
    }

    /**
     * Topics whose events the service handles, but off the saga's path: a compensation after the
     * order has ended, say, where a payment service reads {@code orders.events} for
     * {@code OrderCancelled} only. A consumer of their own, in the service's group, fetches them at
     * most every {@code fetchMaxWait} (or once {@code fetchMinSize} is waiting), the way the read
     * side fetches: the service's prompt consumer then wakes only for the events on the saga's path
     * instead of for every batch of a busy topic it mostly skips (docs/performance.md, the
     * twenty-fifth round).
     *
     * @param topics the deferred topics; none by default
     * @param fetchMaxWait longest a fetch waits at the broker for {@code fetchMinSize} to gather
     * @param fetchMinSize how much a fetch waits for, at most {@code fetchMaxWait}
     */
    public record Deferred(
            @DefaultValue List<String> topics,
            @DefaultValue("500ms") Duration fetchMaxWait,
            @DefaultValue("64KB") DataSize fetchMinSize) {

        public Deferred {
            topics = List.copyOf(topics);
            if (fetchMaxWait.isNegative() || fetchMaxWait.isZero()) {
                throw new IllegalArgumentException(
                        "messaging.consumer.deferred.fetch-max-wait must be positive, was " + fetchMaxWait);
            }
            if (fetchMinSize.toBytes() < 1 || fetchMinSize.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "messaging.consumer.deferred.fetch-min-size must be between 1 byte and 2 GB, was "
                                + fetchMinSize);
            }
        }

        /** The Kafka consumer properties of the deferred topics' consumer, over the service's own. */
        Map<String, Object> consumerProperties() {
            return Map.of(
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(fetchMaxWait.toMillis()),
                    ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Long.toString(fetchMinSize.toBytes()));
        }
    }

    /**
     * Exponential backoff between attempts of a record whose handler failed with a retryable
     * exception. The defaults give up after about 3 s (0.2 + 0.4 + 0.8 + 1.6): long enough for a
     * database failover blip or a lock timeout to pass, short enough that a partition is not held
     * for long behind one bad record.
     *
     * @param initialInterval wait before the first retry
     * @param multiplier growth of the wait from one retry to the next
     * @param maxInterval longest single wait
     * @param maxAttempts deliveries in all, the first included, before the record is dead-lettered
     */
    public record Retry(
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("2s") Duration maxInterval,
            @DefaultValue("5") int maxAttempts) {

        public Retry {
            if (initialInterval.isNegative() || maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("messaging.consumer.retry: need 0 <= initial-interval ("
                        + initialInterval + ") <= max-interval (" + maxInterval + ")");
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException(
                        "messaging.consumer.retry.multiplier must be at least 1, was " + multiplier);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "messaging.consumer.retry.max-attempts must be at least 1, was " + maxAttempts);
            }
        }
    }

    /** Sets how a container commits: after each poll, or at most once per {@link #commitInterval}. */
    void applyCommitPolicy(ContainerProperties properties) {
        if (commitInterval.isZero()) {
            properties.setAckMode(ContainerProperties.AckMode.BATCH);
        } else {
            properties.setAckMode(ContainerProperties.AckMode.TIME);
            properties.setAckTime(commitInterval.toMillis());
        }
    }
}
