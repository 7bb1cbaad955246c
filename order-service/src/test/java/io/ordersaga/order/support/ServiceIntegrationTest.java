package io.ordersaga.order.support;

import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import io.ordersaga.messaging.testing.ConsumedTopics;
import io.ordersaga.order.orders.OrderEvents;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * Service integration tier: the whole order service on a random port, against the harness's real
 * PostgreSQL (database {@code orders}), Kafka and schema registry, with the outbox relay and the
 * reply consumers running. {@link RecordingOrderEvents} sits in front of the outbox adapter. The
 * participants' topics, which their own services would create, are declared by {@link
 * ConsumedTopics}. Every class carrying it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"harness.database=orders", "harness.servers=postgres,kafka,schema-registry"})
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@Import({ServiceIntegrationTest.Messaging.class, ConsumedTopics.class})
public @interface ServiceIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Messaging {

        @Bean
        @Primary
        RecordingOrderEvents recordingOrderEvents(@Qualifier("outboxOrderEvents") OrderEvents outbox) {
            return new RecordingOrderEvents(outbox);
        }
    }
}
