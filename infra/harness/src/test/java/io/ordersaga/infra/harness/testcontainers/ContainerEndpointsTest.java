package io.ordersaga.infra.harness.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerEndpointsTest {

    private final ContainerEndpoints all = new ContainerEndpoints(
            "localhost",
            32770,
            "postgres",
            "secret",
            "PLAINTEXT://localhost:32771",
            "http://localhost:32772",
            "http://localhost:32773",
            "localhost",
            32774);

    @Test
    void pointsTheServiceAtItsDatabaseAndTheBrokerAndRegistryItAskedFor() {
        var properties = all.springProperties(List.of("postgres", "kafka", "schema-registry"), "orders");

        assertThat(properties)
                .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:32770/orders")
                .containsEntry("spring.datasource.username", "postgres")
                .containsEntry("spring.datasource.password", "secret")
                .containsEntry("spring.kafka.bootstrap-servers", "PLAINTEXT://localhost:32771")
                .containsEntry("messaging.schema-registry-url", "http://localhost:32772/apis/registry/v2")
                .containsEntry("schema-registry.url", "http://localhost:32772/apis/registry/v2")
                .containsEntry("schema-registry.ccompat-url", "http://localhost:32772/apis/ccompat/v7")
                .doesNotContainKeys("spring.elasticsearch.uris", "spring.mail.host");
    }

    @Test
    void pointsTheServiceAtElasticsearchAndSmtpWhenAskedFor() {
        var properties = all.springProperties(List.of("kafka", "elasticsearch", "smtp"), "postgres");

        assertThat(properties)
                .containsEntry("spring.elasticsearch.uris", "http://localhost:32773")
                .containsEntry("spring.mail.host", "localhost")
                .containsEntry("spring.mail.port", "32774")
                .doesNotContainKey("spring.datasource.url");
    }

    @Test
    void refusesAServerThatWasNotStarted() {
        var onlyPostgres = new ContainerEndpoints("localhost", 32770, "postgres", "secret", null, null, null, null, 0);

        assertThatIllegalStateException()
                .isThrownBy(() -> onlyPostgres.springProperties(List.of("postgres", "kafka"), "orders"))
                .withMessageContaining("kafka");
    }

    @Test
    void refusesAnUnknownServerAsTheEmbeddedHarnessDoes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> all.springProperties(List.of("redis"), "orders"))
                .withMessageContaining("redis");
    }
}
