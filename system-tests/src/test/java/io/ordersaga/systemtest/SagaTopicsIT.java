package io.ordersaga.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.stack.StackDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The stack's topics have the partitions the launcher chose: it creates the saga topics and tells
 * every service the same count, whose relay declares its topic and whose consumers declare the
 * dead-letter topics. A service told nothing would declare the spec's default of twelve, and Spring's
 * KafkaAdmin would add partitions to the launcher's topics at the service's start.
 */
class SagaTopicsIT {

    @Test
    void everySagaTopicAndDeadLetterTopicHasTheStacksPartitions() throws Exception {
        var stack = SagaStack.shared();
        List<String> topics = StackDefinition.TOPICS.stream()
                .flatMap(topic -> Stream.of(topic, topic + ".DLT"))
                .toList();
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.infrastructure().kafka().bootstrapServers()))) {
            var described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described).containsOnlyKeys(topics);
            described.forEach((topic, description) -> assertThat(description.partitions())
                    .as(topic + "'s partitions")
                    .hasSize(stack.partitions()));
        }
    }
}
