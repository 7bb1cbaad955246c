package io.ordersaga.messaging.consumer;

import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.MessagingAutoConfiguration;
import io.ordersaga.messaging.MessagingSettings;
import io.ordersaga.messaging.inbox.Inbox;
import io.ordersaga.messaging.inbox.InboxAutoConfiguration;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the service's {@link EventHandler} methods: Kafka consumers in the service's group, the
 * inbox for idempotency, and the failure policy (docs/idempotent-consumer.md,
 * docs/failure-policy.md).
 */
@AutoConfiguration(
        after = {KafkaAutoConfiguration.class, MessagingAutoConfiguration.class, InboxAutoConfiguration.class})
@EnableConfigurationProperties(ConsumerSettings.class)
public class ConsumerAutoConfiguration {

    @Bean
    EventConsumers eventConsumers(
            ConfigurableListableBeanFactory beans,
            ConsumerSettings settings,
            MessagingSettings messaging,
            ConsumerFactory<?, ?> kafkaConsumerFactory,
            ConsumerRecordRecoverer deadLetters,
            EventSerde serde,
            Inbox inbox,
            PlatformTransactionManager transactionManager) {
        String group = messaging.serviceName();
        // Boot's consumer settings (bootstrap servers, security, anything under spring.kafka.consumer)
        // with what this policy needs on top: raw bytes, decoded by the library, so a dead letter
        // is exactly what was published; offsets committed by the container after processing.
        var config = new HashMap<>(kafkaConsumerFactory.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group starts at the beginning of the topics: an event published before a service's
        // first start is still a step of some saga. Set spring.kafka.consumer.auto-offset-reset to
        // choose otherwise.
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var consumerFactory =
                new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        var transaction = new TransactionTemplate(transactionManager);
        return new EventConsumers(
                beans,
                settings,
                group,
                consumerFactory,
                FailurePolicy.errorHandler(settings.retry(), deadLetters),
                handlers -> new EventDispatcher(serde, handlers, inbox, transaction, group));
    }
}
