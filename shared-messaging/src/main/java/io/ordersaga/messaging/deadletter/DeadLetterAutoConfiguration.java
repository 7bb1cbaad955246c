package io.ordersaga.messaging.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.messaging.MessagingAutoConfiguration;
import io.ordersaga.messaging.MessagingSettings;
import io.ordersaga.messaging.consumer.ConsumerSettings;
import io.ordersaga.messaging.inbox.InboxSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Dead-letter topics of the consumed topics, the recoverer the failure policy hands failed records
 * to, and the operator's endpoint (docs/failure-policy.md).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MessagingAutoConfiguration.class})
@EnableConfigurationProperties({ConsumerSettings.class, InboxSettings.class})
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterTopics deadLetterTopics(ConsumerSettings settings) {
        return new DeadLetterTopics(settings.allTopics());
    }

    /**
     * Declared like every other topic (auto-creation is off), with the partition count of the
     * source topic, so a dead letter keeps its partition number.
     */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopicDeclarations(DeadLetterTopics topics, ConsumerSettings settings) {
        return new KafkaAdmin.NewTopics(topics.all().stream()
                .map(topic -> new NewTopic(topic, Optional.of(settings.partitions()), Optional.empty()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    DeadLetterRecoverer deadLetterRecoverer(
            DeadLetterPublisher publisher, MessagingSettings messaging, MeterRegistry meters) {
        return new DeadLetterRecoverer(publisher.template(), messaging.serviceName(), meters);
    }

    /**
     * Boot's producer settings (bootstrap servers, security) with byte-array serializers. Kept out
     * of the context as a KafkaTemplate or ProducerFactory bean: one of those would make Boot's own
     * back off, and the service's are for its events.
     */
    @Bean
    DeadLetterPublisher deadLetterPublisher(ProducerFactory<?, ?> kafkaProducerFactory) {
        Map<String, Object> config = new HashMap<>(kafkaProducerFactory.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // A dead letter must be neither lost nor written twice by the producer's own retries.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new DeadLetterPublisher(config);
    }

    @Bean
    DeadLetters deadLetters(
            DeadLetterTopics topics,
            MessagingSettings messaging,
            InboxSettings inbox,
            ConsumerFactory<?, ?> kafkaConsumerFactory,
            DeadLetterPublisher publisher) {
        return new DeadLetters(
                topics,
                messaging.serviceName(),
                inbox.retention(),
                kafkaConsumerFactory.getConfigurationProperties(),
                publisher.template());
    }

    @Bean
    @ConditionalOnAvailableEndpoint(DeadLettersEndpoint.class)
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }
}
