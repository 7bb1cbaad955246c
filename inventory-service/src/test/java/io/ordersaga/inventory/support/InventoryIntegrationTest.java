package io.ordersaga.inventory.support;

import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import io.ordersaga.messaging.testing.ConsumedTopics;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Service integration tier: the whole inventory service on a random port, with its relay and
 * consumers running, against the harness's real PostgreSQL (database {@code inventory}), Kafka and
 * schema registry. Four consumer threads, so reservations on the same product really run
 * concurrently. Every class carrying it shares one application context. orders.events belongs to
 * the order service, which does not run here: {@link ConsumedTopics} declares it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "harness.database=inventory",
            "harness.servers=postgres,kafka,schema-registry",
            "messaging.consumer.concurrency=4"
        })
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@Import(ConsumedTopics.class)
public @interface InventoryIntegrationTest {}
