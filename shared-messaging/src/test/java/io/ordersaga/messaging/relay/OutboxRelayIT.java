package io.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.infra.harness.KafkaServer;
import io.ordersaga.infra.harness.junit.RealInfrastructure;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.TraceContext;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.outbox.OutboxCleanup;
import io.ordersaga.messaging.outbox.OutboxWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox and its relay in one service: what commits is published as written, what rolls back never is. */
@RealInfrastructure
class OutboxRelayIT {

    private static final String TOPIC = "relayit.events";
    private static ConfigurableApplicationContext service;
    private static TopicReader topic;

    @BeforeAll
    static void startService(KafkaServer kafka) {
        // The tests run the outbox cleanup themselves: its schedule would race their look at the table.
        service = ProbeApplication.start(
                "relay_it",
                "relay-it",
                "relayit",
                "--messaging.relay.heartbeat-interval=1s",
                "--messaging.outbox.cleanup-interval=1h");
        topic = new TopicReader(kafka.bootstrapServers(), TOPIC);
    }

    @AfterAll
    static void stopService() {
        topic.close();
        service.close();
    }

    @Test
    void publishesACommittedEventKeyedByOrderWithItsIdsTraceAndRegistryFramedPayload() {
        UUID causationId = UUID.randomUUID();
        Traceparent incoming = Traceparent.start();

        OrderPlaced placed = TraceContext.callWith(incoming, () -> orders().place(causationId));

        UUID eventId = placed.getEnvelope().getEventId();
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().contains(eventId));
        ConsumerRecord<String, byte[]> record = topic.record(eventId).orElseThrow();
        assertThat(record.key()).isEqualTo(placed.getEnvelope().getOrderId().toString());
        assertThat(TopicReader.header(record, "eventId")).isEqualTo(eventId.toString());
        assertThat(TopicReader.header(record, "eventType")).isEqualTo("OrderPlaced");
        assertThat(TopicReader.header(record, "causationId")).isEqualTo(causationId.toString());
        Traceparent relayed = Traceparent.parseOrStart(TopicReader.header(record, "traceparent"));
        assertThat(relayed.traceId()).isEqualTo(incoming.traceId());
        assertThat(record.value()[0]).as("Confluent wire format magic byte").isZero();
        assertThat(service.getBean(EventSerde.class).deserialize(TOPIC, record.value()))
                .isEqualTo(placed);
    }

    @Test
    void neverPublishesAnEventWhoseTransactionRolledBack() {
        OrderPlaced rolledBack = null;
        try {
            orders().placeAndFail();
        } catch (ProbeOrders.PlacementFailed failed) {
            rolledBack = failed.placed();
        }
        assertThat(rolledBack).isNotNull();
        // A marker committed after the rollback: once it is in Kafka, everything before it in the log is too.
        UUID marker = orders().place(null).getEnvelope().getEventId();

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().contains(marker));

        assertThat(topic.readToEnd()).doesNotContain(rolledBack.getEnvelope().getEventId());
        assertThat(jdbc().queryForObject(
                                "select count(*) from probe_orders where order_id = ?",
                                Integer.class,
                                rolledBack.getEnvelope().getOrderId()))
                .isZero();
    }

    @Test
    void cleanupDeletesTheRowsOfCommittedEventsWhichTheRelayPublishesAllTheSame() throws SQLException {
        UUID committed = orders().place(null).getEnvelope().getEventId();
        assertThat(outboxIds()).as("the row stays until the cleanup").contains(committed);
        UUID inFlight = UUID.randomUUID();

        try (Connection open = service.getBean(DataSource.class).getConnection()) {
            open.setAutoCommit(false);
            try (var insert = open.prepareStatement("""
                    insert into outbox (id, aggregatetype, aggregateid, type, payload, occurred_at)
                    values (?, 'relayit', 'order', 'OrderPlaced', '\\x00', now())""")) {
                insert.setObject(1, inFlight);
                insert.executeUpdate();
            }

            int deleted = service.getBean(OutboxCleanup.class).deleteCommittedEvents();

            assertThat(deleted).isPositive();
            assertThat(outboxIds()).doesNotContain(committed);
            try (var select = open.prepareStatement("select count(*) from outbox where id = ?")) {
                select.setObject(1, inFlight);
                try (ResultSet count = select.executeQuery()) {
                    count.next();
                    assertThat(count.getInt(1))
                            .as("a transaction still running keeps its row")
                            .isOne();
                }
            }
            open.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().contains(committed));
    }

    @Test
    void refusesToAppendAnEventOutsideATransaction() {
        var writer = service.getBean(OutboxWriter.class);
        OrderPlaced event = ProbeOrders.orderPlaced(UUID.randomUUID(), null);

        assertThatThrownBy(() -> writer.append(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("active transaction");
    }

    @Test
    void reportsItselfActiveWithTheLagAndCountOfRelayedEvents() {
        UUID eventId = orders().place(null).getEnvelope().getEventId();
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().contains(eventId));

        var contributor = service.getBean(HealthContributorRegistry.class).getContributor("outboxRelay");
        assertThat(contributor).isInstanceOf(OutboxRelayHealthIndicator.class);
        var health = ((OutboxRelayHealthIndicator) contributor).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("role", "active");
        assertThat((long) health.getDetails().get("relayedEvents")).isPositive();
        assertThat((double) health.getDetails().get("lastLagMs")).isNotNegative();
        var registry = service.getBean(MeterRegistry.class);
        assertThat(registry.get("outbox.relay.active").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("outbox.relay.lag").timer().count()).isPositive();
        assertThat(registry.get("outbox.relay.events").counter().count()).isPositive();
    }

    @Test
    void releasesTheWriteAheadLogOtherTablesWriteWhileNoEventIsWritten() {
        UUID eventId = orders().place(null).getEnvelope().getEventId();
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().contains(eventId));

        for (int i = 0; i < 500; i++) {
            jdbc().update(
                            "insert into probe_orders (order_id, event_id) values (?, ?)",
                            UUID.randomUUID(),
                            UUID.randomUUID());
        }
        String written = jdbc().queryForObject("select pg_current_wal_lsn()::text", String.class);

        // The slot's confirmed position passes WAL that holds no outbox change: PostgreSQL can recycle it.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().queryForObject(
                        "select confirmed_flush_lsn >= ?::pg_lsn from pg_replication_slots where slot_name = ?",
                        Boolean.class,
                        written,
                        "relay_it_outbox"));
    }

    /**
     * The harness hands services PostgreSQL's Unix-domain socket (its default): the pool's
     * connections and the relay's replication stream both use it, the stream through the socket
     * factory settings the relay passes on to its connector. A backend on the socket has no client
     * address.
     */
    @Test
    void streamsTheOutboxOverTheSameUnixDomainSocketAsThePool() {
        assertThat(service.getEnvironment().getProperty("spring.datasource.url"))
                .contains("socketFactory=");
        UUID eventId = orders().place(null).getEnvelope().getEventId();
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().contains(eventId));

        assertThat(jdbc().queryForObject(
                                "select client_addr is null from pg_stat_activity where pid = pg_backend_pid()",
                                Boolean.class))
                .as("the pool's connection is on the socket")
                .isTrue();
        assertThat(jdbc().queryForList("""
                        select a.client_addr is null from pg_replication_slots s
                        join pg_stat_activity a on a.pid = s.active_pid
                        where s.slot_name = ?
                        """, Boolean.class, "relay_it_outbox"))
                .as("the relay's walsender is on the socket")
                .containsExactly(true);
    }

    private static List<UUID> outboxIds() {
        return jdbc().queryForList("select id from outbox", UUID.class);
    }

    private static ProbeOrders orders() {
        return service.getBean(ProbeOrders.class);
    }

    private static JdbcTemplate jdbc() {
        return service.getBean(JdbcTemplate.class);
    }
}
