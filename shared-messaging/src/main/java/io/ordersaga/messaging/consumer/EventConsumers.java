package io.ordersaga.messaging.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * The service's Kafka consumers, in the service's consumer group: each record applied once through
 * its {@link EventHandler} method (a poll's records in one transaction, {@link EventDispatcher}) by
 * a listener container on the configured topics and another on the deferred topics, if any, whose
 * fetches wait longer ({@link ConsumerSettings.Deferred}); or in batches for an {@link
 * EventBatchHandler} bean. Its handlers are found once every singleton exists, so a bad {@link
 * EventHandler} method fails startup; the containers start with the other listener containers, late
 * in startup, and stop early in shutdown.
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
    private List<Lifecycle> containers = List.of();

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
            containers = List.of(batchConsumers.create(group, batchHandler.getValue()));
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
        if (settings.allTopics().isEmpty()) {
            throw new IllegalStateException("@EventHandler methods for " + types
                    + " but messaging.consumer.topics is empty: list the topics these events are published on");
        }
        var dispatcher = dispatchers.dispatcher(handlers);
        var created = new ArrayList<Lifecycle>(2);
        if (!settings.topics().isEmpty()) {
            created.add(container(settings.topics(), group, dispatcher, new Properties()));
            log.info("{} handles {} from {} in consumer group {}", group, types, settings.topics(), group);
        }
        ConsumerSettings.Deferred deferred = settings.deferred();
        if (!deferred.topics().isEmpty()) {
            var fetch = new Properties();
            fetch.putAll(deferred.consumerProperties());
            created.add(container(deferred.topics(), group + "-deferred", dispatcher, fetch));
            log.info(
                    "{} handles {} from {} in consumer group {}, each fetch waiting up to {} for {}",
                    group,
                    types,
                    deferred.topics(),
                    group,
                    deferred.fetchMaxWait(),
                    deferred.fetchMinSize());
        }
        containers = List.copyOf(created);
    }

    /**
     * A listener container of the service's group on {@code topics}; {@code name} is its client id
     * and names its threads, {@code consumerProperties} go over the consumer factory's.
     */
    private ConcurrentMessageListenerContainer<byte[], byte[]> container(
            List<String> topics, String name, EventDispatcher dispatcher, Properties consumerProperties) {
        var properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setGroupId(group);
        properties.setClientId(name);
        properties.setKafkaConsumerProperties(consumerProperties);
        settings.applyCommitPolicy(properties);
        properties.setMessageListener(dispatcher);
        var records = new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        records.setConcurrency(settings.concurrency());
        records.setCommonErrorHandler(errorHandler);
        records.setBeanName(name + "-events");
        return records;
    }

    @Override
    public synchronized void start() {
        containers.forEach(Lifecycle::start);
    }

    @Override
    public synchronized void stop() {
        containers.forEach(Lifecycle::stop);
    }

    @Override
    public synchronized boolean isRunning() {
        return containers.stream().anyMatch(Lifecycle::isRunning);
    }

    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE;
    }
}
