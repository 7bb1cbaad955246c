package io.ordersaga.payment.support;

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
 * Service integration tier: the whole payment service on a random port, its outbox relay and its
 * consumers running, against the harness's real PostgreSQL (database {@code payments}), Kafka and
 * schema registry. Every class carrying it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "harness.database=payments",
            "harness.servers=postgres,kafka,schema-registry",
            // The shared-messaging test-jar ships its test application's db/migration/V1__ledger.sql,
            // which would clash with this service's V1 on the classpath: read ours from the build output.
            "spring.flyway.locations=filesystem:target/classes/db/migration"
        })
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@Import({ServiceIntegrationTest.ConsumedTopics.class, SagaEvents.class})
public @interface ServiceIntegrationTest {

    /** The topics payment consumes belong to inventory and order, which do not run here; auto-create is off. */
    @TestConfiguration(proxyBeanMethods = false)
    class ConsumedTopics {
        @Bean
        KafkaAdmin.NewTopics consumedTopics() {
            return new KafkaAdmin.NewTopics(
                    new NewTopic(SagaEvents.INVENTORY_EVENTS, Optional.of(12), Optional.empty()),
                    new NewTopic(SagaEvents.ORDERS_EVENTS, Optional.of(12), Optional.empty()));
        }
    }
}
