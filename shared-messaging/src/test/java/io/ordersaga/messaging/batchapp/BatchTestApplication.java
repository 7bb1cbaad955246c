package io.ordersaga.messaging.batchapp;

import io.ordersaga.messaging.consumer.ConsumerSettings;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The smallest service that consumes in batch mode: no database at all (like the search
 * projection), one {@link RecordingBatchHandler}. It declares the topic it consumes, which in the
 * real system its publisher does.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@PropertySource("classpath:consumer-test-application.properties")
public class BatchTestApplication {

    @Bean
    KafkaAdmin.NewTopics consumedTopics(ConsumerSettings settings) {
        return new KafkaAdmin.NewTopics(settings.topics().stream()
                .map(topic -> new NewTopic(topic, Optional.of(settings.partitions()), Optional.empty()))
                .toArray(NewTopic[]::new));
    }
}
