package io.ordersaga.stack;

import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.PostgresServer;
import io.ordersaga.stack.StackService.Server;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The Spring Boot properties that connect a service to the servers it uses. docker compose sets the
 * same keys as environment variables (relaxed binding: {@code spring.kafka.bootstrap-servers} is
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}); {@link #keys} is what the drift check compares.
 */
public final class ServiceConfiguration {

    private record Property(String key, BiFunction<StackService, Infrastructure, String> value) {}

    private static final Map<Server, List<Property>> PROPERTIES = Map.of(
            Server.POSTGRES,
            List.of(
                    // On one host, over PostgreSQL's Unix-domain socket unless the harness is told not to;
                    // on the server that holds the service's database (its own, in the local stack).
                    new Property("spring.datasource.url", (service, infra) -> serverOf(service, infra)
                            .serviceJdbcUrl(service.database().orElseThrow())),
                    new Property("spring.datasource.username", (service, infra) -> serverOf(service, infra)
                            .username()),
                    new Property("spring.datasource.password", (service, infra) -> serverOf(service, infra)
                            .password())),
            Server.KAFKA,
            List.of(new Property("spring.kafka.bootstrap-servers", (service, infra) -> infra.kafka()
                    .bootstrapServers())),
            Server.SCHEMA_REGISTRY,
            List.of(new Property("messaging.schema-registry-url", (service, infra) -> infra.schemaRegistry()
                    .apiUrl())),
            Server.ELASTICSEARCH,
            List.of(new Property("spring.elasticsearch.uris", (service, infra) -> infra.elasticsearch()
                    .httpUrl())),
            Server.SMTP,
            List.of(
                    new Property(
                            "spring.mail.host", (service, infra) -> infra.smtp().host()),
                    new Property(
                            "spring.mail.port",
                            (service, infra) -> Integer.toString(infra.smtp().port()))));

    private ServiceConfiguration() {}

    private static PostgresServer serverOf(StackService service, Infrastructure infrastructure) {
        return infrastructure.postgres(service.database().orElseThrow());
    }

    /** The connection properties of {@code service}, starting the servers it needs if they are not. */
    public static Map<String, String> of(StackService service, Infrastructure infrastructure) {
        var properties = new LinkedHashMap<String, String>();
        for (Property property : propertiesOf(service)) {
            properties.put(property.key(), property.value().apply(service, infrastructure));
        }
        return properties;
    }

    /** The property keys {@link #of} sets for {@code service}. */
    public static Set<String> keys(StackService service) {
        var keys = new LinkedHashSet<String>();
        propertiesOf(service).forEach(property -> keys.add(property.key()));
        return keys;
    }

    private static List<Property> propertiesOf(StackService service) {
        return java.util.Arrays.stream(Server.values())
                .filter(service.servers()::contains)
                .flatMap(server -> PROPERTIES.get(server).stream())
                .toList();
    }
}
