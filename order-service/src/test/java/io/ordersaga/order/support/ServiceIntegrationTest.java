package io.ordersaga.order.support;

import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Service integration tier: the whole order service on a random port, against the harness's real
 * PostgreSQL (database {@code orders}), with {@link RecordingOrderEvents} as the events port. Every
 * class carrying it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"harness.database=orders", "harness.servers=postgres"})
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@Import(ServiceIntegrationTest.Events.class)
public @interface ServiceIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Events {
        @Bean
        RecordingOrderEvents orderEvents() {
            return new RecordingOrderEvents();
        }
    }
}
