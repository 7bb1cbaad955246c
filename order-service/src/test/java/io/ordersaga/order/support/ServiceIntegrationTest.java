package io.ordersaga.order.support;

import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import io.ordersaga.order.orders.OrderEvents;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

/**
 * Service integration tier: the whole order service on a random port, against the harness's real
 * PostgreSQL (database {@code orders}), Kafka and schema registry, with the outbox relay and the
 * reply consumers running. {@link RecordingOrderEvents} sits in front of the outbox adapter. Every
 * class carrying it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"harness.database=orders", "harness.servers=postgres,kafka,schema-registry"})
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@Import(ServiceIntegrationTest.Messaging.class)
public @interface ServiceIntegrationTest {

    /** The participants' topics, which their own services would create; the broker creates none by itself. */
    String[] PARTICIPANT_TOPICS = {"inventory.events", "payments.events", "shipments.events"};

    @TestConfiguration(proxyBeanMethods = false)
    class Messaging {

        @Bean
        @Primary
        RecordingOrderEvents recordingOrderEvents(@Qualifier("outboxOrderEvents") OrderEvents outbox) {
            return new RecordingOrderEvents(outbox);
        }

        @Bean
        KafkaAdmin.NewTopics participantTopics() {
            return new KafkaAdmin.NewTopics(Arrays.stream(PARTICIPANT_TOPICS)
                    .map(topic -> TopicBuilder.name(topic).partitions(12).build())
                    .toArray(NewTopic[]::new));
        }
    }
}
