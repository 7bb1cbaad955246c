package io.ordersaga.messaging.consumer;

import io.ordersaga.messaging.EventSerde;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Makes {@link BatchConsumer}s of {@code messaging.consumer.topics}: the service's own (its {@link
 * EventBatchHandler} bean, in the service's group), and any other a service needs in a group of
 * its own, such as a projection rebuild replaying the topics from the start. A new group starts at
 * the beginning of the topics. The consumer is created stopped.
 */
public final class BatchConsumers {

    private final ConsumerSettings settings;
    private final ConsumerFactory<byte[], byte[]> consumerFactory;
    private final ConsumerRecordRecoverer deadLetters;
    private final EventSerde serde;

    BatchConsumers(
            ConsumerSettings settings,
            ConsumerFactory<byte[], byte[]> consumerFactory,
            ConsumerRecordRecoverer deadLetters,
            EventSerde serde) {
        this.settings = settings;
        this.consumerFactory = consumerFactory;
        this.deadLetters = deadLetters;
        this.serde = serde;
    }

    public BatchConsumer create(String group, EventBatchHandler handler) {
        if (settings.topics().isEmpty()) {
            throw new IllegalStateException(
                    "a batch consumer for " + group + " but messaging.consumer.topics is empty: list the topics");
        }
        if (!settings.deferred().topics().isEmpty()) {
            throw new IllegalStateException("a batch consumer for " + group + " reads messaging.consumer.topics only;"
                    + " set its fetch wait with spring.kafka.consumer.fetch-max-wait instead of deferred topics "
                    + settings.deferred().topics());
        }
        var properties = new ContainerProperties(settings.topics().toArray(String[]::new));
        properties.setGroupId(group);
        properties.setClientId(group);
        settings.applyCommitPolicy(properties);
        properties.setMessageListener(new EventBatchDispatcher(serde, handler, deadLetters));
        var container = new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        container.setConcurrency(settings.concurrency());
        container.setCommonErrorHandler(FailurePolicy.errorHandler(settings.retry(), deadLetters));
        container.setBeanName(group + "-events");
        container.setAutoStartup(false);
        return new BatchConsumer(group, settings.topics(), consumerFactory, container);
    }
}
