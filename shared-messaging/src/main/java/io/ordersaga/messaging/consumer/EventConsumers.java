package io.ordersaga.messaging.consumer;

import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The service's Kafka consumers: one listener container, subscribed to the configured topics, in
 * the service's consumer group: each record applied once through its {@link EventHandler} method
 * (a poll's records in one transaction, {@link EventDispatcher}), or in batches
 * for an {@link EventBatchHandler} bean. Its handlers are found once every singleton exists, so a
 * bad {@link EventHandler} method fails startup; the container starts with the other listener
 * containers, late in startup, and stops early in shutdown.
 */
final class EventConsumers implements SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final ConfigurableListableBeanFactory beans;
    private final ConsumerSettings settings;
    private final String group;
    private final ConsumerFactory<byte[], byte[]> consumerFactory;
    private final CommonErrorHandler errorHandler;
    private final DispatcherFactory dispatchers;
    private final BatchConsumers batchConsumers;
    private Lifecycle container;

    /** Builds the listener once the handlers are known. */
    interface DispatcherFactory {
        EventDispatcher dispatcher(EventHandlers handlers);
    }

    EventConsumers(
            ConfigurableListableBeanFactory beans,
            ConsumerSettings settings,
            String group,
            ConsumerFactory<byte[], byte[]> consumerFactory,
            CommonErrorHandler errorHandler,
            DispatcherFactory dispatchers,
            BatchConsumers batchConsumers) {
        this.beans = beans;
        this.settings = settings;
        this.group = group;
        this.consumerFactory = consumerFactory;
        this.errorHandler = errorHandler;
        this.dispatchers = dispatchers;
        this.batchConsumers = batchConsumers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventHandlers handlers = EventHandlers.discover(beans);
        Map<String, EventBatchHandler> batchHandlers = beans.getBeansOfType(EventBatchHandler.class, false, false);
        if (!batchHandlers.isEmpty()) {
            if (!handlers.isEmpty() || batchHandlers.size() > 1) {
                throw new IllegalStateException("A service consumes in one group either through @EventHandler methods"
                        + " or through one EventBatchHandler bean; " + group + " has "
                        + handlers.eventTypes().size()
                        + " @EventHandler methods and the EventBatchHandler beans " + batchHandlers.keySet());
            }
            var batchHandler = batchHandlers.entrySet().iterator().next();
            container = batchConsumers.create(group, batchHandler.getValue());
            log.info(
                    "{} handles batches in {} from {} in consumer group {}",
                    group,
                    batchHandler.getKey(),
                    settings.topics(),
                    group);
            return;
        }
        if (handlers.isEmpty()) {
            log.info("No @EventHandler methods: {} consumes no events", group);
            return;
        }
        String types = handlers.eventTypes().stream()
                .map(Class::getSimpleName)
                .sorted()
                .collect(Collectors.joining(", "));
        if (settings.topics().isEmpty()) {
            throw new IllegalStateException("@EventHandler methods for " + types
                    + " but messaging.consumer.topics is empty: list the topics these events are published on");
        }
        var properties = new ContainerProperties(settings.topics().toArray(String[]::new));
        properties.setGroupId(group);
        properties.setClientId(group);
        settings.applyCommitPolicy(properties);
        properties.setMessageListener(dispatchers.dispatcher(handlers));
        var records = new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        records.setConcurrency(settings.concurrency());
        records.setCommonErrorHandler(errorHandler);
        records.setBeanName(group + "-events");
        container = records;
        log.info("{} handles {} from {} in consumer group {}", group, types, settings.topics(), group);
    }

    @Override
    public synchronized void start() {
        if (container != null) {
            container.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null && container.isRunning();
    }

    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE;
    }
}
