package io.ordersaga.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.compose.ComposeFile;
import io.ordersaga.infra.compose.ComposeService;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker compose ({@code infra/docker-compose.yml}) and the local stack run the same system: the
 * same services on the same ports with the same databases, connected by the same Spring properties.
 * Change one without the other and this fails.
 */
class ComposeMatchesLocalStackTest {

    /** The properties that connect a service to a server: what differs between the two stacks is only their values. */
    private static final Set<String> CONNECTION_PREFIXES = Set.of(
            "SPRING_DATASOURCE_",
            "SPRING_KAFKA_",
            "MESSAGING_SCHEMA_REGISTRY_",
            "SPRING_ELASTICSEARCH_",
            "SPRING_MAIL_");

    private static final ComposeFile COMPOSE = ComposeFile.read(
            Path.of(System.getProperty("stack.project-root", "../..")).resolve("infra/docker-compose.yml"));

    @Test
    void composeRunsExactlyTheStacksServices() {
        assertThat(COMPOSE.applicationServices().keySet())
                .containsExactlyInAnyOrderElementsOf(StackDefinition.serviceNames());
    }

    @Test
    void eachServiceHasTheSamePortAndDatabase() {
        for (StackService service : StackDefinition.SERVICES) {
            ComposeService composed = COMPOSE.service(service.name());
            assertThat(composed.serverPort()).as(service.name() + "'s port").hasValue(service.port());
            assertThat(composed.database()).as(service.name() + "'s database").isEqualTo(service.database());
        }
    }

    @Test
    void eachServiceIsConnectedByTheSameProperties() {
        for (StackService service : StackDefinition.SERVICES) {
            Set<String> composed = COMPOSE.service(service.name()).propertyNames().stream()
                    .filter(name -> CONNECTION_PREFIXES.stream().anyMatch(name::startsWith))
                    .collect(Collectors.toSet());
            Set<String> local = ServiceConfiguration.keys(service).stream()
                    .map(ComposeService::environmentName)
                    .collect(Collectors.toSet());
            assertThat(composed).as(service.name() + "'s connection properties").isEqualTo(local);
        }
    }
}
