package io.ordersaga.notification.support;

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
 * Service integration tier: the whole notification service on a random port, its consumers and its
 * dispatcher running, against the harness's real PostgreSQL (database {@code notifications}), Kafka,
 * schema registry and SMTP server. Every class carrying it shares one application context. The topics
 * notification consumes belong to order and shipping, which do not run here: {@link ConsumedTopics}
 * declares them.
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
@Import({ConsumedTopics.class, SagaEvents.class, Mailbox.class, ServiceHttp.class})
public @interface ServiceIntegrationTest {

    /** Delivery attempts allowed in these tests. */
    int MAX_ATTEMPTS = 10;
}
