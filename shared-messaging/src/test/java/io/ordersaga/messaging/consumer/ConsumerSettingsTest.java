package io.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.listener.ContainerProperties;

class ConsumerSettingsTest {

    @Test
    void defaultsToFiveAttemptsWithinAboutThreeSecondsAndTwelvePartitions() {
        var source = new MapConfigurationPropertySource(Map.of("messaging.consumer.topics", "orders.events"));

        ConsumerSettings settings = new Binder(source).bindOrCreate("messaging.consumer", ConsumerSettings.class);

        assertThat(settings.topics()).containsExactly("orders.events");
        assertThat(settings.partitions()).isEqualTo(12);
        assertThat(settings.concurrency()).isEqualTo(1);
        assertThat(settings.retry())
                .isEqualTo(new ConsumerSettings.Retry(Duration.ofMillis(200), 2.0, Duration.ofSeconds(2), 5));
    }

    @Test
    void commitsAfterEveryPollWhenTheCommitIntervalIsZero() {
        var properties = new ContainerProperties("orders.events");

        bind(Map.of("messaging.consumer.commit-interval", "0ms")).applyCommitPolicy(properties);

        assertThat(properties.getAckMode()).isEqualTo(ContainerProperties.AckMode.BATCH);
    }

    @Test
    void commitsAtMostOnceEvery200MillisecondsByDefault() {
        var properties = new ContainerProperties("orders.events");

        bind(Map.of()).applyCommitPolicy(properties);

        assertThat(properties.getAckMode()).isEqualTo(ContainerProperties.AckMode.TIME);
        assertThat(properties.getAckTime()).isEqualTo(200);
    }

    @Test
    void commitsAtMostOncePerConfiguredInterval() {
        var properties = new ContainerProperties("orders.events");

        bind(Map.of("messaging.consumer.commit-interval", "1s")).applyCommitPolicy(properties);

        assertThat(properties.getAckTime()).isEqualTo(1000);
    }

    @Test
    void refusesANegativeCommitInterval() {
        assertThatThrownBy(() -> bind(Map.of("messaging.consumer.commit-interval", "-1s")))
                .rootCause()
                .hasMessageContaining("commit-interval must not be negative");
    }

    @Test
    void defersNoTopicByDefault() {
        ConsumerSettings settings = bind(Map.of());

        assertThat(settings.deferred().topics()).isEmpty();
        assertThat(settings.allTopics()).containsExactly("orders.events");
    }

    @Test
    void fetchesDeferredTopicsEvery500MillisecondsOrOnce64KilobytesWaitByDefault() {
        ConsumerSettings settings = bind(Map.of("messaging.consumer.deferred.topics", "payments.events"));

        assertThat(settings.allTopics()).containsExactly("orders.events", "payments.events");
        assertThat(settings.deferred().consumerProperties())
                .containsOnly(
                        Map.entry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500"),
                        Map.entry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536"));
    }

    @Test
    void fetchesDeferredTopicsAsConfigured() {
        ConsumerSettings settings = bind(Map.of(
                "messaging.consumer.deferred.topics", "payments.events",
                "messaging.consumer.deferred.fetch-max-wait", "2s",
                "messaging.consumer.deferred.fetch-min-size", "1MB"));

        assertThat(settings.deferred().consumerProperties())
                .containsOnly(
                        Map.entry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "2000"),
                        Map.entry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1048576"));
    }

    @Test
    void refusesATopicThatIsBothPromptAndDeferred() {
        assertThatThrownBy(() -> bind(Map.of("messaging.consumer.deferred.topics", "orders.events")))
                .rootCause()
                .hasMessageContaining("must not share a topic")
                .hasMessageContaining("orders.events");
    }

    @Test
    void refusesADeferredFetchThatDoesNotWait() {
        assertThatThrownBy(() -> bind(Map.of("messaging.consumer.deferred.fetch-max-wait", "0ms")))
                .rootCause()
                .hasMessageContaining("fetch-max-wait must be positive");
    }

    private static ConsumerSettings bind(Map<String, String> properties) {
        var all = new HashMap<>(properties);
        all.put("messaging.consumer.topics", "orders.events");
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("messaging.consumer", ConsumerSettings.class);
    }
}
