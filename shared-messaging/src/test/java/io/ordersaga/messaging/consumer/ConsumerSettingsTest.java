package io.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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
}
