package io.ordersaga.infra.harness.testcontainers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the started containers answer, as seen from the test JVM, and the Spring properties that
 * point a service at them: the same keys the embedded harness sets, so a test cannot tell the
 * providers apart. A server not started is null.
 *
 * @param postgresHost PostgreSQL's host
 * @param postgresPort PostgreSQL's mapped port (0 when not started)
 * @param postgresUsername a superuser
 * @param postgresPassword its password
 * @param kafkaBootstrapServers Kafka's bootstrap servers
 * @param schemaRegistryBaseUrl the registry's base URL, e.g. {@code http://localhost:32768}
 * @param elasticsearchUrl Elasticsearch's HTTP URL
 * @param smtpHost the SMTP server's host
 * @param smtpPort its mapped port (0 when not started)
 */
public record ContainerEndpoints(
        String postgresHost,
        int postgresPort,
        String postgresUsername,
        String postgresPassword,
        String kafkaBootstrapServers,
        String schemaRegistryBaseUrl,
        String elasticsearchUrl,
        String smtpHost,
        int smtpPort) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(postgresHost, postgresPort, database);
    }

    /**
     * The properties for a test that asked for {@code servers} ({@code harness.servers}) and, with
     * postgres, the database {@code database}. The schema registry stores its schemas in PostgreSQL,
     * so asking for it brings the PostgreSQL credentials as it does in the embedded harness.
     */
    public Map<String, String> springProperties(List<String> servers, String database) {
        var properties = new LinkedHashMap<String, String>();
        for (String server : servers) {
            switch (server) {
                case "postgres" -> {
                    properties.put("spring.datasource.url", jdbcUrl(database));
                    putPostgresCredentials(properties);
                }
                case "kafka" ->
                    properties.put("spring.kafka.bootstrap-servers", require(kafkaBootstrapServers, server));
                case "schema-registry" -> {
                    String baseUrl = require(schemaRegistryBaseUrl, server);
                    properties.put("schema-registry.url", baseUrl + "/apis/registry/v2");
                    properties.put("schema-registry.ccompat-url", baseUrl + "/apis/ccompat/v7");
                    properties.put("messaging.schema-registry-url", baseUrl + "/apis/registry/v2");
                    putPostgresCredentials(properties);
                }
                case "elasticsearch" -> properties.put("spring.elasticsearch.uris", require(elasticsearchUrl, server));
                case "smtp" -> {
                    properties.put("spring.mail.host", require(smtpHost, server));
                    properties.put("spring.mail.port", Integer.toString(smtpPort));
                }
                default -> throw new IllegalArgumentException("unknown harness server: " + server);
            }
        }
        return properties;
    }

    private void putPostgresCredentials(Map<String, String> properties) {
        properties.put("spring.datasource.username", require(postgresUsername, "postgres"));
        properties.put("spring.datasource.password", postgresPassword);
        properties.put("harness.postgres.port", Integer.toString(postgresPort));
    }

    private static String require(String endpoint, String server) {
        if (endpoint == null) {
            throw new IllegalStateException(server + " was not started");
        }
        return endpoint;
    }
}
