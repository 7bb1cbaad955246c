package io.ordersaga.infra.harness.spring;

import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.testcontainers.HarnessProvider;
import io.ordersaga.infra.harness.testcontainers.TestcontainersInfrastructure;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application context under test at the JVM's shared harness servers:
 * {@code @ContextConfiguration(initializers = HarnessContextInitializer.class)} or
 * {@code @SpringBootTest(properties = "harness.database=orders")} with this initializer.
 *
 * <p>Reads {@code harness.servers} (default {@code postgres,kafka,schema-registry}; also
 * {@code elasticsearch}, {@code smtp}) and {@code harness.database} (the service's database, created
 * if missing), and adds the connection properties with the highest precedence. With
 * {@code -Dharness.provider=testcontainers} the servers are Testcontainers containers instead
 * ({@link TestcontainersInfrastructure}; needs a Docker daemon), and the properties the same.
 */
public class HarnessContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        List<String> servers = Arrays.stream(environment
                        .getProperty("harness.servers", "postgres,kafka,schema-registry")
                        .split(","))
                .map(String::trim)
                .toList();
        String database = environment.getProperty("harness.database", "postgres");
        Map<String, Object> properties = new HashMap<>(
                HarnessProvider.selected() == HarnessProvider.TESTCONTAINERS
                        ? TestcontainersInfrastructure.shared().springProperties(servers, database)
                        : embeddedServers(servers, database));
        environment.getPropertySources().addFirst(new MapPropertySource("harness", properties));
    }

    /** Starts the embedded servers {@code servers} names; returns the properties pointing at them. */
    private static Map<String, Object> embeddedServers(List<String> servers, String database) {
        var infrastructure = Infrastructure.shared();
        Map<String, Object> properties = new HashMap<>();
        if (servers.contains("postgres")) {
            var postgres = infrastructure.postgres();
            postgres.createDatabase(database);
            properties.put("spring.datasource.url", postgres.serviceJdbcUrl(database));
        }
        servers.forEach(server -> {
            switch (server) {
                case "postgres" -> {}
                case "kafka" -> infrastructure.kafka();
                case "schema-registry" -> infrastructure.schemaRegistry();
                case "elasticsearch" -> infrastructure.elasticsearch();
                case "smtp" -> infrastructure.smtp();
                default -> throw new IllegalArgumentException("unknown harness server: " + server);
            }
        });
        properties.putAll(infrastructure.springProperties());
        if (servers.contains("schema-registry")) {
            properties.put(
                    "messaging.schema-registry-url",
                    infrastructure.schemaRegistry().apiUrl());
        }
        return properties;
    }
}
