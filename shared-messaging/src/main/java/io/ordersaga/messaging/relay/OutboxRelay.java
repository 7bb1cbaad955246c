package io.ordersaga.messaging.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * The service's outbox relay: the Debezium embedded engine tailing the outbox table's inserts through
 * a logical replication slot, and forwarding them to Kafka (docs/outbox.md).
 *
 * <p>Every instance of a service runs one, but only the instance holding the relay lock
 * ({@link RelayLeadership}) runs the engine; the others check every {@code leaderCheckInterval}
 * whether the lock came free. The engine runs on an executor of its own, starts once the application
 * is ready (never while the context is still being built) and is closed before the producer it feeds
 * and the lock that guards it.
 */
final class OutboxRelay implements InitializingBean, SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration ENGINE_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final String DUPLICATE_OBJECT = "42710";

    private final RelaySettings settings;
    private final RelayDatabase database;
    private final String serviceName;
    private final String slotName;
    private final Map<String, Object> producerConfig;
    private final RelayMetrics metrics;
    private final RelayLeadership leadership;

    private boolean running;
    private ScheduledExecutorService leadershipChecks;
    private ExecutorService engineExecutor;
    private volatile RunningEngine engine;
    private volatile String lastFailure;
    private volatile boolean engineFailed;
    private volatile Instant activeSince;

    OutboxRelay(
            RelaySettings settings,
            RelayDatabase database,
            String serviceName,
            String slotName,
            Map<String, Object> kafkaProducerConfig,
            RelayMetrics metrics) {
        this.settings = settings;
        this.database = database;
        this.serviceName = serviceName;
        this.slotName = slotName;
        this.producerConfig = producerConfig(kafkaProducerConfig, serviceName, settings);
        this.metrics = metrics;
        this.leadership = new RelayLeadership(database, serviceName);
    }

    /** The relay's own producer: idempotent, every in-sync replica acknowledges, raw bytes as written. */
    static Map<String, Object> producerConfig(Map<String, Object> base, String serviceName, RelaySettings settings) {
        var config = new HashMap<>(base);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        return config;
    }

    /**
     * Creates the replication slot while the application starts, before it can write any event: the
     * slot keeps every change from its creation on, so events written before the first relay ever
     * ran (or while every instance is a standby) are relayed too. Debezium, finding the slot and no
     * stored position, streams from the slot's start. Every instance tries; the first one wins.
     */
    @Override
    public void afterPropertiesSet() throws SQLException {
        try (var connection = database.connect("outbox-relay-setup");
                var create = connection.prepareStatement("select pg_create_logical_replication_slot(?, 'pgoutput')"
                        + " where not exists (select 1 from pg_replication_slots where slot_name = ?)")) {
            create.setString(1, slotName);
            create.setString(2, slotName);
            create.execute();
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        start();
    }

    /** Starts taking part in the leader election; the engine starts if and when this instance wins. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lastFailure = null;
        engineExecutor = Executors.newSingleThreadExecutor(named("outbox-relay-engine"));
        leadershipChecks = Executors.newSingleThreadScheduledExecutor(named("outbox-relay-leadership"));
        leadershipChecks.scheduleWithFixedDelay(
                this::checkLeadership, 0, settings.leaderCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Outbox relay of {} started (slot {}); contending for the relay lock", serviceName, slotName);
    }

    /** Closes the engine, then its producer, then gives up the lock so another instance takes over at once. */
    @Override
    public void stop() {
        ScheduledExecutorService checks;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            checks = leadershipChecks;
        }
        checks.shutdown();
        awaitQuietly(checks);
        synchronized (this) {
            stopEngine();
            leadership.release();
            activeSince = null;
            metrics.active(false);
            engineExecutor.shutdownNow();
        }
        log.info("Outbox relay of {} stopped", serviceName);
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        // Started by ApplicationReadyEvent, not during the context refresh.
        return false;
    }

    /** What the relay is doing now, for the health indicator. */
    Status status() {
        boolean active = leadership.isHeld();
        var current = engine;
        boolean engineRunning = current != null && !current.run().isDone();
        return new Status(
                active ? Role.ACTIVE : Role.STANDBY,
                active ? activeSince : null,
                engineRunning,
                active && !engineRunning && engineFailed,
                metrics.lastLagMillis(),
                metrics.relayedEvents(),
                lastFailure);
    }

    private synchronized void checkLeadership() {
        if (!running) {
            return;
        }
        try {
            if (!leadership.isHeld()) {
                if (leadership.tryAcquire()) {
                    log.info("This instance holds the relay lock of {}: relaying", serviceName);
                    activeSince = Instant.now();
                    metrics.active(true);
                    startEngine();
                }
                return;
            }
            if (!leadership.confirm()) {
                log.warn("Lost the relay lock of {}: stopping the engine, back to standby", serviceName);
                stopEngine();
                activeSince = null;
                metrics.active(false);
                return;
            }
            var current = engine;
            if (current == null || current.run().isDone()) {
                log.warn("The relay engine of {} is not running ({}); restarting it", serviceName, lastFailure);
                stopEngine();
                startEngine();
            }
        } catch (Exception e) {
            // A check that fails (database unreachable) is retried on the next tick, never silently ends the loop.
            log.warn("Relay leadership check of {} failed: {}", serviceName, e.toString());
        }
    }

    private void startEngine() {
        KafkaProducer<String, byte[]> producer = null;
        try {
            producer = new KafkaProducer<>(producerConfig);
            var forwarder = new OutboxForwarder(producer, outboxChangeTopic(), metrics);
            DebeziumEngine<RecordChangeEvent<SourceRecord>> debezium = DebeziumEngine.create(
                            ChangeEventFormat.of(Connect.class))
                    .using(engineProperties())
                    .notifying(forwarder)
                    .using((success, message, error) -> {
                        if (!success) {
                            lastFailure = message + (error == null ? "" : ": " + error);
                            engineFailed = true;
                            log.error("The relay engine of {} stopped: {}", serviceName, message, error);
                        }
                    })
                    .build();
            engineFailed = false;
            engine = new RunningEngine(debezium, producer, engineExecutor.submit(debezium));
        } catch (RuntimeException e) {
            lastFailure = "the engine did not start: " + e;
            engineFailed = true;
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            throw e;
        }
    }

    private void stopEngine() {
        var current = engine;
        engine = null;
        if (current == null) {
            return;
        }
        try {
            current.debezium().close();
            current.run().get(ENGINE_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException e) {
            log.warn("The relay engine of {} did not stop cleanly: {}", serviceName, e.toString());
        } catch (TimeoutException e) {
            log.warn(
                    "The relay engine of {} did not stop within {}; interrupting it", serviceName, ENGINE_STOP_TIMEOUT);
            current.run().cancel(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            current.producer().close(PRODUCER_CLOSE_TIMEOUT);
        }
    }

    /** The topic Debezium names the outbox's changes with (before the router renames them). */
    private String outboxChangeTopic() {
        return topicPrefix() + ".public.outbox";
    }

    private String topicPrefix() {
        return slotName;
    }

    Properties engineProperties() {
        var properties = new Properties();
        properties.setProperty("name", "outbox-relay");
        properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        properties.setProperty("topic.prefix", topicPrefix());

        properties.setProperty("database.hostname", database.host());
        properties.setProperty("database.port", Integer.toString(database.port()));
        properties.setProperty("database.dbname", database.database());
        properties.setProperty("database.user", database.username());
        properties.setProperty("database.password", database.password() == null ? "" : database.password());
        database.driverProperties().forEach((name, value) -> properties.setProperty("database." + name, value));

        // The outbox only: the service creates the publication in its migration (inserts only), the
        // relay never alters it, and nothing is snapshotted: every row's insert is in the WAL the slot
        // reads, and the cleanup may have deleted the rows already.
        properties.setProperty("plugin.name", "pgoutput");
        properties.setProperty("slot.name", slotName);
        properties.setProperty("publication.name", "outbox_publication");
        properties.setProperty("publication.autocreate.mode", "disabled");
        properties.setProperty("table.include.list", "public.outbox");
        properties.setProperty("snapshot.mode", "no_data");
        properties.setProperty("tombstones.on.delete", "false");
        // The slot advances only as changes are processed. While the outbox is quiet a heartbeat
        // writes a logical decoding message into the WAL: processed like an event (and skipped by
        // the forwarder), it moves the slot past the WAL other tables wrote meanwhile.
        properties.setProperty(
                "heartbeat.interval.ms",
                Long.toString(settings.heartbeatInterval().toMillis()));
        properties.setProperty(
                "heartbeat.action.query", "select pg_logical_emit_message(false, 'outbox-relay-heartbeat', '')");
        // A takeover can find the slot still held by the previous instance's walsender for a moment.
        properties.setProperty("slot.retry.delay.ms", "500");
        properties.setProperty("slot.max.retries", "120");
        // A broken replication connection restarts the connector inside the engine; 10 s by default.
        properties.setProperty("retriable.restart.connector.wait.ms", "1000");

        // Latency: hand changes over every few milliseconds, in batches as large as the load makes them.
        properties.setProperty(
                "poll.interval.ms", Long.toString(settings.pollInterval().toMillis()));
        properties.setProperty("max.batch.size", Integer.toString(settings.maxBatchSize()));
        properties.setProperty("max.queue.size", Integer.toString(settings.maxQueueSize()));

        // The position lives in the service's database, next to the data it describes.
        properties.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        properties.setProperty("offset.storage.jdbc.connection.url", database.jdbcUrl());
        properties.setProperty("offset.storage.jdbc.connection.user", database.username());
        properties.setProperty(
                "offset.storage.jdbc.connection.password", database.password() == null ? "" : database.password());
        properties.setProperty("offset.storage.jdbc.table.name", settings.offsetTable());
        properties.setProperty(
                DebeziumEngine.OFFSET_FLUSH_INTERVAL_MS_PROP,
                Long.toString(settings.offsetFlushInterval().toMillis()));
        properties.setProperty("offset.flush.timeout.ms", "10000");
        return properties;
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(ENGINE_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    enum Role {
        ACTIVE,
        STANDBY
    }

    /**
     * @param activeSince when this instance took the relay lock, while it holds it
     * @param engineDead this instance holds the lock but its engine failed or could not start (it is restarted on the
     *     next leadership check)
     */
    record Status(
            Role role,
            Instant activeSince,
            boolean engineRunning,
            boolean engineDead,
            double lastLagMillis,
            long relayedEvents,
            String lastFailure) {}

    private record RunningEngine(
            DebeziumEngine<RecordChangeEvent<SourceRecord>> debezium,
            KafkaProducer<String, byte[]> producer,
            Future<?> run) {}
}
