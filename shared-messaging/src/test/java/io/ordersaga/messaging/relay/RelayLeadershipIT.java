package io.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.infra.harness.KafkaServer;
import io.ordersaga.infra.harness.PostgresServer;
import io.ordersaga.infra.harness.junit.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of one service on one database: exactly one relays, and when it goes the other takes
 * over within seconds without losing an event.
 */
@RealInfrastructure
class RelayLeadershipIT {

    private static final Duration TAKEOVER = Duration.ofSeconds(10);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ORDER_PERIOD = Duration.ofMillis(5);

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @AfterEach
    void stopInstances() {
        for (var instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null && instance.isActive()) {
                instance.close();
            }
        }
    }

    @Test
    void onlyOneInstanceRelaysAndTheOtherTakesOverWhenItStops(KafkaServer kafka) {
        first = ProbeApplication.start("leader_stop_it", "leader-stop-it", "leaderstop");
        second = ProbeApplication.start("leader_stop_it", "leader-stop-it", "leaderstop");
        await().atMost(TAKEOVER).until(() -> activeInstances(first, second).size() == 1);
        var active = activeInstances(first, second).getFirst();
        var standby = active == first ? second : first;
        assertRole(active, "active", 1.0);
        assertRole(standby, "standby", 0.0);

        try (var topic = new TopicReader(kafka.bootstrapServers(), "leaderstop.events")) {
            Set<UUID> written = place(active, 20);
            await().atMost(DELIVERY_TIMEOUT).until(() -> topic.poll().containsAll(written));
            Set<UUID> relayedBefore = Set.copyOf(topic.poll());

            try (var during = OrderStream.start(standby.getBean(ProbeOrders.class), ORDER_PERIOD)) {
                await().atMost(DELIVERY_TIMEOUT).until(() -> during.committed().size() >= 100);
                Instant stopped = Instant.now();
                active.close();
                await().atMost(TAKEOVER).until(() -> activeInstances(standby).size() == 1);
                assertThat(Duration.between(stopped, Instant.now())).isLessThan(TAKEOVER);
                int atTakeover = during.committed().size();
                await().atMost(DELIVERY_TIMEOUT).until(() -> during.committed().size() >= atTakeover + 100);
                during.close();
                written.addAll(during.committed());
            }
            written.addAll(place(standby, 20));

            await().atMost(DELIVERY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(topic.poll()).containsAll(written));
            assertThat(relayedBefore).isNotEqualTo(written);
            assertRole(standby, "active", 1.0);
        }
    }

    @Test
    void stepsDownWhenItsLockSessionEndsAndOneInstanceRelaysAgain(KafkaServer kafka, PostgresServer postgres)
            throws Exception {
        first = ProbeApplication.start("leader_cut_it", "leader-cut-it", "leadercut");
        second = ProbeApplication.start("leader_cut_it", "leader-cut-it", "leadercut");
        await().atMost(TAKEOVER).until(() -> activeInstances(first, second).size() == 1);
        var active = activeInstances(first, second).getFirst();
        Instant activeSince = active.getBean(OutboxRelay.class).status().activeSince();

        try (var topic = new TopicReader(kafka.bootstrapServers(), "leadercut.events");
                var orders = OrderStream.start(first.getBean(ProbeOrders.class), ORDER_PERIOD)) {
            await().atMost(DELIVERY_TIMEOUT).until(() -> orders.committed().size() >= 50);
            try (var connection = postgres.connect("leader_cut_it");
                    var cut = connection.prepareStatement(
                            "select count(pg_terminate_backend(a.pid)) from pg_stat_activity a"
                                    + " join pg_locks l on l.pid = a.pid and l.locktype = 'advisory' and l.granted"
                                    + " where a.datname = 'leader_cut_it' and a.application_name = ?")) {
                cut.setString(1, RelayLeadership.APPLICATION_NAME);
                try (var result = cut.executeQuery()) {
                    result.next();
                    assertThat(result.getInt(1)).as("lock sessions ended").isEqualTo(1);
                }
            }

            // Whoever wins the lock next took it anew: the old term ended with its session.
            await().atMost(TAKEOVER).until(() -> {
                var now = activeInstances(first, second);
                return now.size() == 1
                        && now.getFirst()
                                .getBean(OutboxRelay.class)
                                .status()
                                .activeSince()
                                .isAfter(activeSince);
            });
            await().atMost(DELIVERY_TIMEOUT).until(() -> orders.committed().size() >= 150);
            orders.close();
            await().atMost(DELIVERY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(topic.poll()).containsAll(orders.committed()));
            assertThat(activeInstances(first, second)).hasSize(1);
        }
    }

    private static Set<UUID> place(ConfigurableApplicationContext instance, int count) {
        var orders = instance.getBean(ProbeOrders.class);
        var placed = new HashSet<UUID>();
        for (int i = 0; i < count; i++) {
            placed.add(orders.place(null).getEnvelope().getEventId());
        }
        return placed;
    }

    private static List<ConfigurableApplicationContext> activeInstances(ConfigurableApplicationContext... instances) {
        return java.util.Arrays.stream(instances)
                .filter(ConfigurableApplicationContext::isActive)
                .filter(instance -> instance.getBean(OutboxRelay.class).status().role() == OutboxRelay.Role.ACTIVE)
                .toList();
    }

    private static void assertRole(ConfigurableApplicationContext instance, String role, double gauge) {
        var health = instance.getBean(OutboxRelayHealthIndicator.class).health();
        assertThat(health.getDetails()).containsEntry("role", role);
        assertThat(instance.getBean(MeterRegistry.class)
                        .get("outbox.relay.active")
                        .gauge()
                        .value())
                .isEqualTo(gauge);
    }
}
