package io.ordersaga.infra.harness.testcontainers;

import io.ordersaga.infra.harness.HarnessSettings;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The containers of the Testcontainers provider. The images are those of infra/docker-compose.yml
 * (ComposeFileTest keeps them equal) and the versions the embedded harness runs; each setting can be
 * changed like the harness's ({@code -Dharness.testcontainers.kafka-image=...} or
 * {@code HARNESS_TESTCONTAINERS_KAFKA_IMAGE=...}).
 *
 * @param postgresImage PostgreSQL, run with {@code wal_level=logical}
 * @param kafkaImage Apache Kafka in KRaft mode; by default the version of the Kafka clients on the
 *     classpath, as the embedded broker
 * @param schemaRegistryImage Apicurio Registry with SQL storage
 * @param elasticsearchImage Elasticsearch, single node, security off
 * @param smtpImage an SMTP server (Mailpit)
 * @param databases the PostgreSQL databases created up front, as the harness's
 * @param kafkaPartitions default partition count of topics created on the broker
 * @param elasticsearchHeap heap of Elasticsearch
 * @param startupTimeout how long a container may take to become ready
 */
public record TestcontainersSettings(
        String postgresImage,
        String kafkaImage,
        String schemaRegistryImage,
        String elasticsearchImage,
        String smtpImage,
        List<String> databases,
        int kafkaPartitions,
        String elasticsearchHeap,
        Duration startupTimeout) {

    public static final String DEFAULT_POSTGRES_IMAGE = "postgres:18";
    public static final String DEFAULT_SCHEMA_REGISTRY_IMAGE = "apicurio/apicurio-registry-sql:2.4.2.Final";
    public static final String DEFAULT_ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:8.19.21";
    public static final String DEFAULT_SMTP_IMAGE = "axllent/mailpit:v1.22.0";

    public TestcontainersSettings {
        databases = List.copyOf(databases);
        if (kafkaPartitions < 1) {
            throw new IllegalArgumentException(
                    "harness.testcontainers.kafka-partitions must be at least 1, was " + kafkaPartitions);
        }
    }

    /** The Kafka image matching the Kafka clients on the classpath (and so the embedded broker). */
    public static String defaultKafkaImage() {
        return "apache/kafka:" + AppInfoParser.getVersion();
    }

    public static TestcontainersSettings fromEnvironment() {
        var harness = HarnessSettings.fromEnvironment();
        return new TestcontainersSettings(
                setting("postgres-image", DEFAULT_POSTGRES_IMAGE),
                setting("kafka-image", defaultKafkaImage()),
                setting("schema-registry-image", DEFAULT_SCHEMA_REGISTRY_IMAGE),
                setting("elasticsearch-image", DEFAULT_ELASTICSEARCH_IMAGE),
                setting("smtp-image", DEFAULT_SMTP_IMAGE),
                harness.databases(),
                harness.kafkaPartitions(),
                harness.elasticsearchHeap(),
                harness.startupTimeout());
    }

    private static String setting(String name, String defaultValue) {
        return HarnessSettings.setting("harness.testcontainers." + name, defaultValue);
    }
}
