package io.ordersaga.search.support;

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
 * Service integration tier: the whole search projection on a random port, its batch consumer
 * running, against the harness's real Kafka, schema registry and Elasticsearch; no database. Every
 * class carrying it shares one application context. The four topics it consumes belong to the other
 * services, which do not run here: {@link ConsumedTopics} declares them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "harness.servers=kafka,schema-registry,elasticsearch",
            // Short waits between retries of a failed batch: the tests never wait for an outage.
            "messaging.consumer.retry.initial-interval=100ms",
            "messaging.consumer.retry.max-interval=1s",
            "search.rebuild.poll-interval=100ms"
        })
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@Import({ConsumedTopics.class, SagaEvents.class, ServiceHttp.class})
public @interface ServiceIntegrationTest {}
