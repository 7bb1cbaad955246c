package io.ordersaga.messaging.testapp;

import io.ordersaga.messaging.consumer.ConsumerSettings;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The smallest service that uses the library's consumer side: a handler bean ({@link OrderLedger})
 * writing to its own table (db/migration), and nothing else. It also declares the topics it
 * consumes, which in the real system their publisher does.
 */
@SpringBootApplication
@PropertySource("classpath:consumer-test-application.properties")
public class ConsumerTestApplication {

    @Bean
    KafkaAdmin.NewTopics consumedTopics(ConsumerSettings settings) {
        return new KafkaAdmin.NewTopics(settings.allTopics().stream()
                .map(topic -> new NewTopic(topic, Optional.of(settings.partitions()), Optional.empty()))
                .toArray(NewTopic[]::new));
    }
}
