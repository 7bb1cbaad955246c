package io.ordersaga.messaging.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Publishes a record the failure policy gave up on to {@code <topic>.DLT}, same partition number,
 * with its original key, value and headers as bytes, plus Spring Kafka's {@code kafka_dlt-*}
 * headers: exception class, message and stack trace; original topic, partition, offset,
 * timestamp; and the consumer group that gave up, since every consumer of a topic shares its
 * dead-letter topic.
 */
final class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    static final String METRIC = "messaging.dead.letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final MeterRegistry meters;

    DeadLetterRecoverer(KafkaOperations<byte[], byte[]> template, String group, MeterRegistry meters) {
        super(
                template,
                (record, exception) -> new TopicPartition(DeadLetterTopics.of(record.topic()), record.partition()));
        this.meters = meters;
        // Spring takes the group from the container's exception wrapper, which accept() unwraps;
        // the group is what tells one service's dead letters from another's in a shared <topic>.DLT.
        excludeHeader(HeaderNames.HeadersToAdd.GROUP);
        addHeadersFunction((record, exception) -> new RecordHeaders(new Header[] {
            new RecordHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8))
        }));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        // The container wraps what the listener threw, and the batch listener wraps what the handler
        // threw to name its record; the operator wants what the handler threw.
        Exception failure = exception;
        while ((failure instanceof ListenerExecutionFailedException || failure instanceof BatchListenerFailedException)
                && failure.getCause() instanceof Exception cause) {
            failure = cause;
        }
        super.accept(record, consumer, failure);
        log.warn(
                "Dead-lettered {}-{}@{} to {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                DeadLetterTopics.of(record.topic()),
                failure.toString());
        Counter.builder(METRIC)
                .description("Records published to a dead-letter topic")
                .tag("topic", record.topic())
                .tag("exception", failure.getClass().getSimpleName())
                .register(meters)
                .increment();
    }
}
