package io.ordersaga.messaging.relay;

import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.messaging.outbox.OutboxWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the outbox relay on this machine (docs/performance.md); a runnable, not a timed test.
 *
 * <ol>
 *   <li>Throughput: {@code bench.events} events (default 50,000) are written to the outbox while the
 *       relay is stopped, in transactions of {@code bench.batch}; the relay is started and timed until
 *       Kafka has acknowledged all of them.
 *   <li>Lag at a fixed rate: {@code bench.rate} events/s (default 1,000), one order per transaction
 *       as a service writes them, for {@code bench.seconds} (default 30) after a warm-up. Lag is the
 *       broker's append time of each record (the topic uses {@code LogAppendTime}) minus the moment
 *       its transaction's commit returned to the writer, recorded without coordinated omission (the
 *       writers keep a fixed schedule). The relay's own {@code outbox.relay.lag} timer (commit
 *       timestamp in the WAL to acknowledgement) is printed beside it.
 * </ol>
 *
 * <p>Relay settings can be overridden as system properties (with exec:java, on the Maven command
 * line: {@code -Dmessaging.relay.poll-interval=500ms}) or as program arguments
 * ({@code --messaging.relay.poll-interval=500ms}).
 */
public final class RelayBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 50_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 500);
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    private static final int WRITERS = Integer.getInteger("bench.writers", 4);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private static final String LOAD_BEFORE = loadAverage();

    private RelayBenchmark() {}

    public static void main(String[] args) throws Exception {
        var infrastructure = Infrastructure.shared();
        try {
            String bootstrapServers = infrastructure.kafka().bootstrapServers();
            infrastructure.schemaRegistry();
            Throughput throughput = throughput(args);
            Lag lag = lag(bootstrapServers, args);
            System.out.println(report(throughput, lag, args));
        } finally {
            infrastructure.close();
        }
    }

    // ---- 1. throughput --------------------------------------------------------------------------------

    record Throughput(int events, double writeSeconds, double startToLastAck, double firstToLastAck) {}

    private static Throughput throughput(String[] args) {
        try (var service = ProbeApplication.start("bench_throughput", "bench-throughput", "benchthroughput", args)) {
            var relay = service.getBean(OutboxRelay.class);
            relay.stop();

            long writeStart = System.nanoTime();
            writeInBatches(service, EVENTS, BATCH);
            double writeSeconds = seconds(System.nanoTime() - writeStart);
            log("wrote %,d events in %.1f s; starting the relay", EVENTS, writeSeconds);

            long before = relay.status().relayedEvents();
            long start = System.nanoTime();
            relay.start();
            long firstAck = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            while (relay.status().relayedEvents() - before < EVENTS) {
                if (firstAck == 0 && relay.status().relayedEvents() > before) {
                    firstAck = System.nanoTime();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay did not relay " + EVENTS + " events in 10 minutes");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            long end = System.nanoTime();
            var result = new Throughput(EVENTS, writeSeconds, seconds(end - start), seconds(end - firstAck));
            log(
                    "relayed %,d events: %.0f events/s from relay start, %.0f events/s from first ack",
                    EVENTS, EVENTS / result.startToLastAck(), EVENTS / result.firstToLastAck());
            return result;
        }
    }

    private static void writeInBatches(ConfigurableApplicationContext service, int events, int batch) {
        var transactions = new TransactionTemplate(service.getBean(PlatformTransactionManager.class));
        var outbox = service.getBean(OutboxWriter.class);
        for (int written = 0; written < events; written += batch) {
            int size = Math.min(batch, events - written);
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < size; i++) {
                    outbox.append(ProbeOrders.orderPlaced(UUID.randomUUID(), null));
                }
            });
        }
    }

    // ---- 2. lag at a fixed rate -----------------------------------------------------------------------

    record Lag(
            int rate,
            double achievedRate,
            long measuredEvents,
            long missing,
            Histogram brokerLagMillis,
            double relayMean,
            double relayMax) {}

    private static Lag lag(String bootstrapServers, String[] args) throws Exception {
        String topic = "benchlatency.events";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // Created before the service declares it: the broker stamps each record when it appends it.
            admin.createTopics(
                            List.of(new NewTopic(topic, RelaySettings.defaults().partitions(), (short) 1)
                                    .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"))))
                    .all()
                    .get();
        }
        try (var service = ProbeApplication.start("bench_latency", "bench-latency", "benchlatency", args)) {
            var relay = service.getBean(OutboxRelay.class);
            var orders = service.getBean(ProbeOrders.class);
            // Streaming, not merely started: the first event has made it to Kafka.
            orders.place(null);
            long streamingDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (relay.status().relayedEvents() == 0) {
                if (System.nanoTime() > streamingDeadline) {
                    throw new IllegalStateException("the relay did not start streaming within 60 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }

            // Joined after the run: a record can reach the consumer before its writer has noted the commit.
            Map<UUID, Long> commitMicros = new ConcurrentHashMap<>();
            Map<UUID, Long> appendMillis = new ConcurrentHashMap<>();
            var stop = new AtomicBoolean();
            var measured = new AtomicLong();
            var consumer = Thread.ofPlatform()
                    .name("bench-consumer")
                    .start(() -> consume(bootstrapServers, topic, appendMillis, stop));

            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            long measureFrom = start + WARM_UP.toNanos();
            long end = measureFrom + MEASURED.toNanos();
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
            var writers = new ArrayList<Thread>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().name("bench-writer-" + w).start(() -> {
                    for (long i = writer; ; i += WRITERS) {
                        long due = start + i * intervalNanos;
                        if (due >= end) {
                            return;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        UUID eventId = orders.place(null).getEnvelope().getEventId();
                        if (due >= measureFrom) {
                            commitMicros.put(eventId, nowMicros());
                            measured.incrementAndGet();
                        }
                    }
                }));
            }
            for (var writer : writers) {
                writer.join();
            }
            long writeEnd = System.nanoTime();
            long drainDeadline = writeEnd + DRAIN_TIMEOUT.toNanos();
            while (!appendMillis.keySet().containsAll(commitMicros.keySet()) && System.nanoTime() < drainDeadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            stop.set(true);
            consumer.join();
            var histogram = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);
            commitMicros.forEach((eventId, committed) -> {
                Long appended = appendMillis.get(eventId);
                if (appended != null) {
                    histogram.recordValue(Math.max(0, appended - Math.round(committed / 1000.0)));
                }
            });

            var relayLag = service.getBean(RelayMetrics.class).lag();
            log(
                    "relay's own outbox.relay.lag over the run (warm-up included): count %d, mean %.1f ms, max %.1f ms",
                    relayLag.count(), relayLag.mean(TimeUnit.MILLISECONDS), relayLag.max(TimeUnit.MILLISECONDS));
            return new Lag(
                    RATE,
                    measured.get() / seconds(MEASURED.toNanos()),
                    measured.get(),
                    commitMicros.keySet().stream()
                            .filter(id -> !appendMillis.containsKey(id))
                            .count(),
                    histogram,
                    relayLag.mean(TimeUnit.MILLISECONDS),
                    relayLag.max(TimeUnit.MILLISECONDS));
        }
    }

    private static void consume(
            String bootstrapServers, String topic, Map<UUID, Long> appendMillis, AtomicBoolean stop) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop.get()) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    var header = record.headers().lastHeader("eventId");
                    UUID eventId = UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
                    appendMillis.putIfAbsent(eventId, record.timestamp());
                }
            }
        }
    }

    // ---- report ---------------------------------------------------------------------------------------

    private static String report(Throughput throughput, Lag lag, String[] args) {
        Histogram h = lag.brokerLagMillis();
        var defaults = RelaySettings.defaults();
        return String.format(
                Locale.ROOT,
                """

                ## Relay benchmark (%s, %d cores, JDK %s)
                defaults: poll-interval %d ms, max-batch-size %d, max-queue-size %d, offset-flush-interval %d ms, linger %d ms; overrides: %s

                | measure | result | target |
                |---|---|---|
                | throughput, %,d events pre-written (from first ack) | %,.0f events/s | >= 5,000 events/s |
                | throughput, including engine start | %,.0f events/s (%.2f s) | |
                | lag at %,d events/s (achieved %,.0f/s, %,d events, %d missing): p50 | %d ms | |
                | lag p99 | %d ms | < 200 ms |
                | lag p99.9 / max | %d ms / %d ms | |
                | relay's own outbox.relay.lag mean / max (whole run) | %.1f / %.1f ms | |

                load average (1/5/15 min) before: %s; after: %s
                """,
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                defaults.pollInterval().toMillis(),
                defaults.maxBatchSize(),
                defaults.maxQueueSize(),
                defaults.offsetFlushInterval().toMillis(),
                defaults.linger().toMillis(),
                overrides(args),
                throughput.events(),
                throughput.events() / throughput.firstToLastAck(),
                throughput.events() / throughput.startToLastAck(),
                throughput.startToLastAck(),
                lag.rate(),
                lag.achievedRate(),
                lag.measuredEvents(),
                lag.missing(),
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9),
                h.getMaxValue(),
                lag.relayMean(),
                lag.relayMax(),
                LOAD_BEFORE,
                loadAverage());
    }

    /** Relay settings given as program arguments or, as with exec:java, system properties. */
    private static String overrides(String[] args) {
        var overrides = new ArrayList<>(List.of(args));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("messaging.relay."))
                .sorted()
                .forEach(name -> overrides.add(name + "=" + System.getProperty(name)));
        return overrides.isEmpty() ? "none" : String.join(" ", overrides);
    }

    /** Other work on the machine shows here: the numbers mean little when the load exceeds the cores. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long nowMicros() {
        var now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void log(String format, Object... values) {
        System.out.printf(Locale.ROOT, "[relay-benchmark] " + format + "%n", values);
    }
}
