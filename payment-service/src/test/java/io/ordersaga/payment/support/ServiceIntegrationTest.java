package io.ordersaga.payment.support;

import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import io.ordersaga.messaging.testing.ConsumedTopics;
import io.ordersaga.web.testing.ServiceHttp;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Service integration tier: the whole payment service on a random port, its outbox relay and its
 * consumers running, against the harness's real PostgreSQL (database {@code payments}), Kafka and
 * schema registry. Every class carrying it shares one application context. The topics payment
 * consumes belong to inventory and order, which do not run here: {@link ConsumedTopics} declares them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"harness.database=payments", "harness.servers=postgres,kafka,schema-registry"})
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@Import({ConsumedTopics.class, SagaEvents.class, ServiceHttp.class})
public @interface ServiceIntegrationTest {}
