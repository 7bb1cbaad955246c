package io.ordersaga.infra.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node Apache Kafka broker in KRaft mode (broker and controller in one JVM). */
public final class KafkaServer implements ManagedServer {

    private static final Logger log = LoggerFactory.getLogger(KafkaServer.class);

    private final ChildProcess process;
    private final int port;
    private final HarnessSettings settings;

    private KafkaServer(ChildProcess process, int port, HarnessSettings settings) {
        this.process = process;
        this.port = port;
        this.settings = settings;
    }

    static KafkaServer start(RunDirectory run, HarnessSettings settings, Distributions distributions) {
        Path classpath = Distributions.require(distributions.kafkaClasspath(), "Kafka broker classpath");
        Path dir = run.directory("kafka");
        int port = Ports.freePort();
        int controllerPort = Ports.freePort();
        Path config = dir.resolve("server.properties");
        Path logConfig = dir.resolve("log4j2.properties");
        Path logFile = dir.resolve("kafka.log");
        long started = System.nanoTime();
        try {
            Files.writeString(config, serverProperties(dir.resolve("data"), port, controllerPort, settings));
            Files.writeString(logConfig, LOG_CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = List.of(
                java,
                "-Xms" + settings.kafkaHeap(),
                "-Xmx" + settings.kafkaHeap(),
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + logConfig,
                "-cp",
                classpath + "/*");

        var format = ChildProcess.start(
                "kafka-storage-format",
                concat(
                        jvm,
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        config.toString()),
                List.of(),
                Map.of(),
                dir,
                logFile,
                run);
        format.awaitSuccessfulExit(settings.startupTimeout(), settings.stopGrace());

        var broker = ChildProcess.start(
                "kafka", concat(jvm, "kafka.Kafka", config.toString()), List.of(), Map.of(), dir, logFile, run);
        var server = new KafkaServer(broker, port, settings);
        broker.awaitReady(settings.startupTimeout(), server::clusterAnswers);
        log.info(
                "Kafka started on {} in {} ms (pid {})",
                server.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000,
                broker.pid());
        return server;
    }

    private boolean clusterAnswers() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        }
    }

    private static String serverProperties(Path dataDir, int port, int controllerPort, HarnessSettings settings) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=%4$d
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=%4$d
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # Topics are declared by the services (NewTopic beans), never created by accident.
                auto.create.topics.enable=false
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, dataDir, settings.kafkaPartitions());
    }

    private static final String LOG_CONFIG = """
            status = warn
            appender.out.type = Console
            appender.out.name = OUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = OUT
            logger.coordinator.name = org.apache.kafka.coordinator
            logger.coordinator.level = WARN
            logger.log.name = kafka.log
            logger.log.level = WARN
            logger.storage.name = org.apache.kafka.storage
            logger.storage.level = WARN
            """;

    private static List<String> concat(List<String> head, String... tail) {
        var all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int defaultPartitions() {
        return settings.kafkaPartitions();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String endpoint() {
        return bootstrapServers();
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.stop(settings.stopGrace());
    }
}
