package io.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BatchConsumersTest {

    @Test
    void refusesDeferredTopicsWhichOnlyEventHandlerConsumersRead() {
        var settings = new Binder(new MapConfigurationPropertySource(Map.of(
                        "messaging.consumer.topics", "orders.events",
                        "messaging.consumer.deferred.topics", "payments.events")))
                .bindOrCreate("messaging.consumer", ConsumerSettings.class);
        var consumers = new BatchConsumers(settings, null, null, null);

        assertThatThrownBy(() -> consumers.create("search", batch -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.kafka.consumer.fetch-max-wait")
                .hasMessageContaining("payments.events");
    }
}
