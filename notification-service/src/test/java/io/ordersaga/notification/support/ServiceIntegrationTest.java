package io.ordersaga.notification.support;

import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

/**
 * Service integration tier: the whole notification service on a random port, its consumers and its
 * dispatcher running, against the harness's real PostgreSQL (database {@code notifications}), Kafka,
 * schema registry and SMTP server. Every class carrying it shares one application context.
 *
 * <p>Delivery retries are shortened (100 ms doubling to 1 s, 10 attempts: about 6.5 s from the first
 * failure to FAILED) so a test can watch an outage being retried and the attempts running out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "harness.database=notifications",
            "harness.servers=postgres,kafka,schema-registry,smtp",
            "notifications.delivery.poll-interval=100ms",
            "notifications.delivery.retry.initial-interval=100ms",
            "notifications.delivery.retry.max-interval=1s",
            "notifications.delivery.retry.max-attempts=" + ServiceIntegrationTest.MAX_ATTEMPTS
        })
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@Import({ServiceIntegrationTest.ConsumedTopics.class, SagaEvents.class, Mailbox.class})
public @interface ServiceIntegrationTest {

    /** Delivery attempts allowed in these tests. */
    int MAX_ATTEMPTS = 10;

    /** The topics notification consumes belong to order and shipping, which do not run here; auto-create is off. */
    @TestConfiguration(proxyBeanMethods = false)
    class ConsumedTopics {
        @Bean
        KafkaAdmin.NewTopics consumedTopics() {
            return new KafkaAdmin.NewTopics(
                    new NewTopic(SagaEvents.ORDERS_EVENTS, Optional.of(12), Optional.empty()),
                    new NewTopic(SagaEvents.SHIPMENTS_EVENTS, Optional.of(12), Optional.empty()));
        }
    }
}
