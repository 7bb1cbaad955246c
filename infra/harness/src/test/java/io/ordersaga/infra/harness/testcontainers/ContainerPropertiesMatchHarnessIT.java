package io.ordersaga.infra.harness.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * The switch is only safe if a test cannot tell the providers apart: the Testcontainers provider must
 * set exactly the properties the embedded harness sets for the same {@code harness.servers}. The
 * embedded side runs for real here; the container side is the mapping, since no Docker daemon runs.
 */
class ContainerPropertiesMatchHarnessIT {

    private static final List<String> ALL_SERVERS =
            List.of("postgres", "kafka", "schema-registry", "elasticsearch", "smtp");

    @Test
    void setsTheSamePropertiesAsTheEmbeddedHarness() {
        var context = new GenericApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of("harness.servers", String.join(",", ALL_SERVERS), "harness.database", "orders")));

        new HarnessContextInitializer().initialize(context);

        var embedded = (EnumerablePropertySource<?>)
                context.getEnvironment().getPropertySources().get("harness");
        var containers = new ContainerEndpoints(
                        "localhost",
                        1,
                        "postgres",
                        "postgres",
                        "localhost:2",
                        "http://localhost:3",
                        "http://localhost:4",
                        "localhost",
                        5)
                .springProperties(ALL_SERVERS, "orders");
        assertThat(containers.keySet()).containsExactlyInAnyOrder(embedded.getPropertyNames());
        assertThat(String.valueOf(embedded.getProperty("spring.datasource.url")))
                .containsPattern("/orders($|\\?)");
        assertThat(containers.get("spring.datasource.url")).endsWith("/orders");
    }
}
