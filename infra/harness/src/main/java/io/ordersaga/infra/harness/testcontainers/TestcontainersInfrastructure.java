package io.ordersaga.infra.harness.testcontainers;

import io.ordersaga.infra.harness.PostgresDatabases;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The harness's servers as containers, each started on first use and shared by every test class of
 * the JVM, as the embedded ones are. Configured like the compose stack: PostgreSQL with logical
 * decoding and the service databases, Kafka in KRaft mode without topic auto-creation, Apicurio
 * Registry storing in that PostgreSQL with FULL_TRANSITIVE, Elasticsearch single-node without
 * security, and Mailpit for SMTP. Testcontainers' reaper removes the containers when the JVM exits.
 */
public final class TestcontainersInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestcontainersInfrastructure.class);
    private static final String POSTGRES_ALIAS = "postgres";
    private static final String REGISTRY_DATABASE = "schema_registry";
    private static TestcontainersInfrastructure shared;

    private final TestcontainersSettings settings;
    private final Network network = Network.newNetwork();
    private final List<GenericContainer<?>> started = new ArrayList<>();
    private PostgreSQLContainer postgres;
    private KafkaContainer kafka;
    private GenericContainer<?> schemaRegistry;
    private GenericContainer<?> elasticsearch;
    private GenericContainer<?> smtp;

    TestcontainersInfrastructure(TestcontainersSettings settings) {
        this.settings = settings;
    }

    /** This JVM's shared containers. */
    public static synchronized TestcontainersInfrastructure shared() {
        if (shared == null) {
            shared = new TestcontainersInfrastructure(TestcontainersSettings.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "testcontainers-shutdown"));
        }
        return shared;
    }

    /** Starts the containers {@code servers} names (the values of {@code harness.servers}). */
    public synchronized TestcontainersInfrastructure start(List<String> servers) {
        for (String server : servers) {
            switch (server) {
                case "postgres" -> postgres();
                case "kafka" -> kafka();
                case "schema-registry" -> schemaRegistry();
                case "elasticsearch" -> elasticsearch();
                case "smtp" -> smtp();
                default -> throw new IllegalArgumentException("unknown harness server: " + server);
            }
        }
        return this;
    }

    /**
     * What {@link io.ordersaga.infra.harness.spring.HarnessContextInitializer} needs with
     * {@code harness.provider=testcontainers}: starts the containers {@code servers} names, creates
     * {@code database} when PostgreSQL is among them, and returns the Spring properties pointing at
     * them, the same the embedded harness sets.
     */
    public synchronized Map<String, String> springProperties(List<String> servers, String database) {
        start(servers);
        if (servers.contains("postgres")) {
            createDatabase(database);
        }
        return endpoints().springProperties(servers, database);
    }

    /** Where the started containers answer; a server not started is null. */
    public synchronized ContainerEndpoints endpoints() {
        return new ContainerEndpoints(
                postgres == null ? null : postgres.getHost(),
                postgres == null ? 0 : postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                postgres == null ? null : postgres.getUsername(),
                postgres == null ? null : postgres.getPassword(),
                kafka == null ? null : kafka.getBootstrapServers(),
                schemaRegistry == null ? null : httpUrl(schemaRegistry, 8080),
                elasticsearch == null ? null : httpUrl(elasticsearch, 9200),
                smtp == null ? null : smtp.getHost(),
                smtp == null ? 0 : smtp.getMappedPort(1025));
    }

    /** Creates {@code database} unless it exists. */
    public synchronized void createDatabase(String database) {
        PostgresDatabases.createIfMissing(database, () -> {
            var container = postgres();
            return DriverManager.getConnection(
                    container.getJdbcUrl(), container.getUsername(), container.getPassword());
        });
    }

    private PostgreSQLContainer postgres() {
        if (postgres == null) {
            var container = new PostgreSQLContainer(
                            DockerImageName.parse(settings.postgresImage()).asCompatibleSubstituteFor("postgres"))
                    .withUsername("postgres")
                    .withPassword("postgres")
                    .withDatabaseName("postgres")
                    .withNetwork(network)
                    .withNetworkAliases(POSTGRES_ALIAS)
                    .withStartupTimeout(settings.startupTimeout())
                    .withCommand(
                            "postgres",
                            "-c",
                            "wal_level=logical",
                            "-c",
                            "max_wal_senders=32",
                            "-c",
                            "max_replication_slots=32",
                            "-c",
                            "max_connections=400");
            postgres = track(container);
            settings.databases().forEach(this::createDatabase);
        }
        return postgres;
    }

    private KafkaContainer kafka() {
        if (kafka == null) {
            kafka = track(new KafkaContainer(
                            DockerImageName.parse(settings.kafkaImage()).asCompatibleSubstituteFor("apache/kafka"))
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(settings.kafkaPartitions()))
                    .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", Integer.toString(settings.kafkaPartitions()))
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                    .withStartupTimeout(settings.startupTimeout()));
        }
        return kafka;
    }

    /** The registry keeps its schemas in the PostgreSQL container, which is started first. */
    private GenericContainer<?> schemaRegistry() {
        if (schemaRegistry == null) {
            var storage = postgres();
            createDatabase(REGISTRY_DATABASE);
            schemaRegistry = track(new GenericContainer<>(DockerImageName.parse(settings.schemaRegistryImage()))
                    .withNetwork(network)
                    .withEnv(
                            "REGISTRY_DATASOURCE_URL",
                            "jdbc:postgresql://%s:%d/%s"
                                    .formatted(POSTGRES_ALIAS, PostgreSQLContainer.POSTGRESQL_PORT, REGISTRY_DATABASE))
                    .withEnv("REGISTRY_DATASOURCE_USERNAME", storage.getUsername())
                    .withEnv("REGISTRY_DATASOURCE_PASSWORD", storage.getPassword())
                    .withEnv("REGISTRY_RULES_GLOBAL_COMPATIBILITY", "FULL_TRANSITIVE")
                    .withExposedPorts(8080)
                    .waitingFor(Wait.forHttp("/health/ready").forPort(8080).forStatusCode(200))
                    .withStartupTimeout(settings.startupTimeout()));
        }
        return schemaRegistry;
    }

    private GenericContainer<?> elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = track(new GenericContainer<>(DockerImageName.parse(settings.elasticsearchImage()))
                    .withEnv("discovery.type", "single-node")
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms%1$s -Xmx%1$s".formatted(settings.elasticsearchHeap()))
                    .withExposedPorts(9200)
                    .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=5s")
                            .forPort(9200)
                            .forStatusCode(200))
                    .withStartupTimeout(settings.startupTimeout()));
        }
        return elasticsearch;
    }

    private GenericContainer<?> smtp() {
        if (smtp == null) {
            smtp = track(new GenericContainer<>(DockerImageName.parse(settings.smtpImage()))
                    .withExposedPorts(1025, 8025)
                    .waitingFor(Wait.forListeningPorts(1025))
                    .withStartupTimeout(settings.startupTimeout()));
        }
        return smtp;
    }

    private <C extends GenericContainer<?>> C track(C container) {
        long begin = System.nanoTime();
        container.start();
        started.add(container);
        log.info("{} started in {} ms", container.getDockerImageName(), (System.nanoTime() - begin) / 1_000_000);
        return container;
    }

    private static String httpUrl(GenericContainer<?> container, int port) {
        return "http://" + container.getHost() + ":" + container.getMappedPort(port);
    }

    /** Stops every container, newest first. */
    public synchronized void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly: {}", started.get(i).getDockerImageName(), e.toString());
            }
        }
        started.clear();
        network.close();
    }
}
