package io.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.infra.harness.KafkaServer;
import io.ordersaga.infra.harness.PostgresServer;
import io.ordersaga.infra.harness.SchemaRegistryServer;
import io.ordersaga.infra.harness.junit.RealInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The relay is stopped while events flow, abruptly or as a whole process, and started again: every
 * committed event still reaches Kafka (at least once), and nothing that did not commit ever does.
 */
@RealInfrastructure
class RelayRecoveryIT {

    private static final Duration ORDER_PERIOD = Duration.ofMillis(4);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void losesNoEventWhenItsReplicationConnectionIsCutMidStream(KafkaServer kafka) {
        try (var service = ProbeApplication.start("recovery_cut_it", "recovery-cut-it", "recoverycut");
                var topic = new TopicReader(kafka.bootstrapServers(), "recoverycut.events")) {
            OrderStream orders = OrderStream.start(service.getBean(ProbeOrders.class), ORDER_PERIOD);
            awaitRelayed(service, 100);

            // What a crash of the database session looks like to the engine: the stream ends mid-batch.
            int cut = jdbc(service)
                    .queryForObject(
                            "select count(pg_terminate_backend(active_pid)) from pg_replication_slots"
                                    + " where slot_name = 'recovery_cut_it_outbox' and active",
                            Integer.class);
            assertThat(cut).as("walsenders cut").isEqualTo(1);
            awaitCommittedBeyond(orders, 300);
            orders.close();

            awaitDelivered(topic, orders.committed());
            assertThat(orders.failures()).isZero();
        }
    }

    @Test
    void losesNoEventWhenTheRelayIsStoppedAndStartedMidStream(KafkaServer kafka) {
        try (var service = ProbeApplication.start("recovery_stop_it", "recovery-stop-it", "recoverystop");
                var topic = new TopicReader(kafka.bootstrapServers(), "recoverystop.events")) {
            OrderStream orders = OrderStream.start(service.getBean(ProbeOrders.class), ORDER_PERIOD);
            var relay = service.getBean(OutboxRelay.class);
            awaitRelayed(service, 100);

            relay.stop();
            int committedWhileStopped = orders.committed().size();
            awaitCommittedBeyond(orders, committedWhileStopped + 100);
            // The outbox cleanup (every second by default) deletes rows nothing has relayed yet: the
            // relay reads the inserts from the write-ahead log, not from the table.
            Set<UUID> unrelayed = orders.committed();
            await().atMost(DELIVERY_TIMEOUT)
                    .until(() -> jdbc(service).queryForList("select id from outbox", UUID.class).stream()
                            .noneMatch(unrelayed::contains));
            relay.start();
            awaitCommittedBeyond(orders, orders.committed().size() + 100);
            orders.close();

            awaitDelivered(topic, orders.committed());
        }
    }

    @Test
    void reportsDownWhileItsEngineCannotRunAndRelaysAgainOnceItCan(KafkaServer kafka) {
        try (var service = ProbeApplication.start("recovery_down_it", "recovery-down-it", "recoverydown");
                var topic = new TopicReader(kafka.bootstrapServers(), "recoverydown.events")) {
            var relay = service.getBean(OutboxRelay.class);
            var health = service.getBean(OutboxRelayHealthIndicator.class);
            var jdbc = jdbc(service);
            UUID first =
                    service.getBean(ProbeOrders.class).place(null).getEnvelope().getEventId();
            await().atMost(DELIVERY_TIMEOUT).until(() -> topic.poll().contains(first));
            relay.stop();
            UUID whileDown =
                    service.getBean(ProbeOrders.class).place(null).getEnvelope().getEventId();

            // Without its publication the engine fails as it starts, while this instance holds the lock.
            jdbc.execute("alter publication outbox_publication rename to outbox_publication_away");
            relay.start();
            await().atMost(DELIVERY_TIMEOUT).until(() -> health.health().getStatus() == Status.DOWN);
            assertThat(health.health().getDetails())
                    .containsEntry("role", "active")
                    .containsKey("lastFailure");

            jdbc.execute("alter publication outbox_publication_away rename to outbox_publication");
            await().atMost(DELIVERY_TIMEOUT).until(() -> topic.poll().contains(whileDown));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void losesNoEventWhenTheWholeServiceProcessIsKilled(
            PostgresServer postgres, KafkaServer kafka, SchemaRegistryServer registry) throws Exception {
        String database = "recovery_kill_it";
        postgres.createDatabase(database);
        List<String> connection = List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--messaging.schema-registry-url=" + registry.apiUrl());

        Process writing = startProcess("killed", connection, "--probe.orders.continuous=true");
        try {
            awaitTopic(kafka, "recoverykill.events");
            try (var topic = new TopicReader(kafka.bootstrapServers(), "recoverykill.events")) {
                await().atMost(DELIVERY_TIMEOUT).until(() -> topic.poll().size() >= 200);

                writing.destroyForcibly();
                assertThat(writing.waitFor(30, TimeUnit.SECONDS)).isTrue();
                Set<UUID> committed = committedEvents(postgres, database);
                Set<UUID> beforeRestart = new HashSet<>(topic.readToEnd());
                assertThat(committed).hasSizeGreaterThan(200);

                Process restarted = startProcess("restarted", connection);
                try {
                    awaitDelivered(topic, committed);
                    assertThat(topic.readToEnd())
                            .as("only committed events are published")
                            .isSubsetOf(committed);
                    assertThat(beforeRestart)
                            .as("the killed process had not relayed everything itself")
                            .isNotEqualTo(committed);
                } finally {
                    restarted.destroy();
                    restarted.waitFor(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            writing.destroyForcibly();
        }
    }

    /** The probe as a process of its own, on this JVM's classpath; its output goes to target/. */
    private static Process startProcess(String name, List<String> connection, String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(
                java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), ProbeApplication.class.getName()));
        command.addAll(connection);
        command.addAll(List.of(ProbeApplication.arguments("recovery-kill-it", "recoverykill", extra)));
        Path log = Files.createDirectories(Path.of("target", "relay-processes")).resolve(name + ".log");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitTopic(KafkaServer kafka, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(DELIVERY_TIMEOUT)
                    .until(() -> admin.listTopics().names().get().contains(topic));
        }
    }

    private static Set<UUID> committedEvents(PostgresServer postgres, String database) throws SQLException {
        var committed = new HashSet<UUID>();
        try (var connection = postgres.connect(database);
                var statement = connection.createStatement();
                var result = statement.executeQuery("select event_id from probe_orders")) {
            while (result.next()) {
                committed.add(result.getObject(1, UUID.class));
            }
        }
        return committed;
    }

    private static void awaitRelayed(ConfigurableApplicationContext service, long events) {
        var relay = service.getBean(OutboxRelay.class);
        await().atMost(DELIVERY_TIMEOUT).until(() -> relay.status().relayedEvents() >= events);
    }

    private static void awaitCommittedBeyond(OrderStream orders, int count) {
        await().atMost(DELIVERY_TIMEOUT).until(() -> orders.committed().size() >= count);
    }

    private static void awaitDelivered(TopicReader topic, Set<UUID> committed) {
        await().atMost(DELIVERY_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(topic.poll()).containsAll(committed));
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext service) {
        return service.getBean(JdbcTemplate.class);
    }
}
