package io.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordersaga.messaging.MessagingSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelaySettingsTest {

    private static final MessagingSettings SEARCH = new MessagingSettings("search-projection", "http://registry");

    @Test
    void namesTheReplicationSlotAfterTheServiceWithoutHyphens() {
        assertThat(RelaySettings.defaults().slotName(SEARCH)).isEqualTo("search_projection_outbox");
    }

    @Test
    void usesAnExplicitSlotNameWhenGiven() {
        var settings = withSlot("orders_relay");

        assertThat(settings.slotName(SEARCH)).isEqualTo("orders_relay");
    }

    @Test
    void rejectsASlotNamePostgresqlWouldRefuse() {
        assertThatThrownBy(() -> withSlot("orders-relay")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pollsEveryFiftyMillisecondsByDefault() {
        assertThat(RelaySettings.defaults().pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(RelaySettings.defaults().partitions()).isEqualTo(12);
    }

    private static RelaySettings withSlot(String slotName) {
        var defaults = RelaySettings.defaults();
        return new RelaySettings(
                defaults.enabled(),
                defaults.pollInterval(),
                defaults.maxBatchSize(),
                defaults.maxQueueSize(),
                defaults.offsetFlushInterval(),
                defaults.leaderCheckInterval(),
                defaults.partitions(),
                slotName,
                defaults.offsetTable(),
                defaults.linger(),
                defaults.heartbeatInterval());
    }
}
