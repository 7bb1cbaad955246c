package io.ordersaga.messaging.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Publishes a record the failure policy gave up on to {@code <topic>.DLT}, same partition number,
 * with its original key, value and headers as bytes, plus Spring Kafka's {@code kafka_dlt-*}
 * headers: exception class, message and stack trace; original topic, partition, offset,
 * timestamp and consumer group.
 */
final class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    static final String METRIC = "messaging.dead.letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final MeterRegistry meters;

    DeadLetterRecoverer(KafkaOperations<byte[], byte[]> template, MeterRegistry meters) {
        super(
                template,
                (record, exception) -> new TopicPartition(DeadLetterTopics.of(record.topic()), record.partition()));
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        // The container wraps what the listener threw; the operator wants what the listener threw.
        Exception failure = exception;
        while (failure instanceof ListenerExecutionFailedException && failure.getCause() instanceof Exception cause) {
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
