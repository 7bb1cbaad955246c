package io.ordersaga.messaging.testing;

import io.ordersaga.messaging.consumer.ConsumerSettings;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics a service under test consumes ({@code messaging.consumer.topics} and {@code
 * messaging.consumer.deferred.topics}, with
 * {@code messaging.consumer.partitions}): they belong to other services, which do not run in a
 * service's integration tests, and the harness broker creates no topic by itself. Import it in the
 * service's integration-test meta-annotation.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConsumedTopics {

    @Bean
    KafkaAdmin.NewTopics consumedTopics(ConsumerSettings consumer) {
        return new KafkaAdmin.NewTopics(consumer.allTopics().stream()
                .map(topic -> new NewTopic(topic, Optional.of(consumer.partitions()), Optional.empty()))
                .toArray(NewTopic[]::new));
    }
}
