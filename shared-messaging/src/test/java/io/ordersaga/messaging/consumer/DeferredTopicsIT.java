package io.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.testapp.ConsumerTestApplication;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.Events;
import io.ordersaga.messaging.testapp.OrderLedger;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service's deferred topics (events it handles off the saga's path) are consumed in its group by
 * a consumer of their own, and their events are applied like the others: once, through the same
 * handlers. Runs the test application against the harness's PostgreSQL, Kafka and schema registry.
 */
@SpringBootTest(
        classes = ConsumerTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "harness.database=deferred_it",
            "messaging.service-name=" + DeferredTopicsIT.GROUP,
            "messaging.consumer.topics=" + DeferredTopicsIT.PROMPT,
            "messaging.consumer.deferred.topics=" + DeferredTopicsIT.DEFERRED,
            "messaging.consumer.partitions=2"
        })
@ContextConfiguration(initializers = HarnessContextInitializer.class)
@DirtiesContext
class DeferredTopicsIT {

    static final String GROUP = "deferred-it";
    static final String PROMPT = "orders.events.deferred-it-prompt";
    static final String DEFERRED = "orders.events.deferred-it";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    OrderLedger ledger;

    @Autowired
    EventSerde serde;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void appliesTheEventsOfPromptAndDeferredTopicsThroughTheSameHandlers() {
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = Events.orderPlaced(orderId);
        OrderCancelled cancelled = Events.orderCancelled(orderId);

        try (var producer = new EventProducer(bootstrapServers, serde)) {
            producer.publish(PROMPT, placed);
            producer.publish(DEFERRED, cancelled);
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ledger.timesApplied(placed.getEnvelope().getEventId())).isEqualTo(1);
            assertThat(ledger.timesApplied(cancelled.getEnvelope().getEventId()))
                    .isEqualTo(1);
        });
    }

    @Test
    void readsTheDeferredTopicsByAMemberOfTheServiceGroupOfTheirOwn() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(PATIENCE)
                    .untilAsserted(() -> {
                        Map<String, Set<String>> topicsByClient = admin
                                .describeConsumerGroups(Set.of(GROUP))
                                .describedGroups()
                                .get(GROUP)
                                .get()
                                .members()
                                .stream()
                                .collect(Collectors.toMap(MemberDescription::clientId, DeferredTopicsIT::topicsOf));

                        // A client id names the container and its consumer thread (one: concurrency 1).
                        assertThat(topicsByClient)
                                .containsOnly(
                                        Map.entry(GROUP + "-0", Set.of(PROMPT)),
                                        Map.entry(GROUP + "-deferred-0", Set.of(DEFERRED)));
                    });
        }
    }

    private static Set<String> topicsOf(MemberDescription member) {
        return member.assignment().topicPartitions().stream()
                .map(TopicPartition::topic)
                .collect(Collectors.toSet());
    }
}
