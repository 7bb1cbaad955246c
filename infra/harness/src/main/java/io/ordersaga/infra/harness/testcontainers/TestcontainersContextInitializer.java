package io.ordersaga.infra.harness.testcontainers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * What {@link io.ordersaga.infra.harness.spring.HarnessContextInitializer} does with
 * {@code harness.provider=testcontainers}: reads the same {@code harness.servers} and
 * {@code harness.database}, starts the containers, and adds the same properties.
 */
public final class TestcontainersContextInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        List<String> servers = Arrays.stream(environment
                        .getProperty("harness.servers", "postgres,kafka,schema-registry")
                        .split(","))
                .map(String::trim)
                .toList();
        String database = environment.getProperty("harness.database", "postgres");
        var containers = TestcontainersInfrastructure.shared().start(servers);
        if (servers.contains("postgres")) {
            containers.createDatabase(database);
        }
        var properties = new HashMap<String, Object>(containers.endpoints().springProperties(servers, database));
        environment.getPropertySources().addFirst(new MapPropertySource("harness", properties));
    }
}
