package io.ordersaga.messaging.consumer;

import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.MessagingAutoConfiguration;
import io.ordersaga.messaging.MessagingSettings;
import io.ordersaga.messaging.inbox.Inbox;
import io.ordersaga.messaging.inbox.InboxAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the service's {@link EventHandler} methods or its {@link EventBatchHandler}: Kafka consumers
 * in the service's group, the inbox for idempotency of the former, and the failure policy
 * (docs/idempotent-consumer.md, docs/failure-policy.md).
 */
@AutoConfiguration(
        after = {KafkaAutoConfiguration.class, MessagingAutoConfiguration.class, InboxAutoConfiguration.class},
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@EnableConfigurationProperties(ConsumerSettings.class)
public class ConsumerAutoConfiguration {

    @Bean
    BatchConsumers batchConsumers(
            ConsumerSettings settings,
            MessagingSettings messaging,
            ConsumerFactory<?, ?> kafkaConsumerFactory,
            ConsumerRecordRecoverer deadLetters,
            EventSerde serde) {
        return new BatchConsumers(
                settings, byteConsumerFactory(kafkaConsumerFactory, messaging.serviceName()), deadLetters, serde);
    }

    /**
     * The service's consumers. The inbox and the transaction manager, which need a DataSource, are
     * looked up only when there are {@link EventHandler} methods: a batch consumer needs neither.
     */
    @Bean
    EventConsumers eventConsumers(
            ConfigurableListableBeanFactory beans,
            ConsumerSettings settings,
            MessagingSettings messaging,
            ConsumerFactory<?, ?> kafkaConsumerFactory,
            ConsumerRecordRecoverer deadLetters,
            EventSerde serde,
            ObjectProvider<Inbox> inbox,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            ObjectProvider<RecordBoundary> recordBoundary,
            BatchConsumers batchConsumers) {
        String group = messaging.serviceName();
        return new EventConsumers(
                beans,
                settings,
                group,
                byteConsumerFactory(kafkaConsumerFactory, group),
                FailurePolicy.errorHandler(settings.retry(), deadLetters),
                handlers -> new EventDispatcher(
                        serde,
                        handlers,
                        inbox.getIfAvailable(() -> {
                            throw new IllegalStateException("@EventHandler methods need the inbox, which needs a"
                                    + " DataSource; a service without a database consumes through an"
                                    + " EventBatchHandler");
                        }),
                        new TransactionTemplate(transactionManager.getObject()),
                        recordBoundary.getIfAvailable(() -> RecordBoundary.NONE),
                        group),
                batchConsumers);
    }

    /**
     * Boot's consumer settings (bootstrap servers, security, anything under spring.kafka.consumer)
     * with what the failure policy needs on top: raw bytes, decoded by the library, so a dead letter
     * is exactly what was published; offsets committed by the container after processing.
     */
    private static DefaultKafkaConsumerFactory<byte[], byte[]> byteConsumerFactory(
            ConsumerFactory<?, ?> kafkaConsumerFactory, String group) {
        var config = new HashMap<>(kafkaConsumerFactory.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the beginning of the topics: an event published before a service's
        // first start is still a step of some saga. Set spring.kafka.consumer.auto-offset-reset to
        // choose otherwise.
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** With JPA, each record of a poll starts with an empty persistence context. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({EntityManagerFactory.class, EntityManagerFactoryUtils.class})
    static class JpaRecordBoundary {

        @Bean
        @ConditionalOnSingleCandidate(EntityManagerFactory.class)
        RecordBoundary persistenceContextReset(EntityManagerFactory entityManagerFactory) {
            return new PersistenceContextReset(entityManagerFactory);
        }
    }
}
