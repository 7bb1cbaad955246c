package io.ordersaga.infra.compose;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One service of the compose file.
 *
 * @param name the service name (also its host name on the compose network)
 * @param image the image reference, e.g. {@code ordersaga/order-service:0.1.0-SNAPSHOT}
 * @param environment the environment, names as written (for a Spring service: the relaxed-binding
 *     names of its properties, {@code SPRING_DATASOURCE_URL})
 * @param ports the published ports as written, e.g. {@code 8081:8081}
 * @param dependsOn the services this one waits for, each with its condition ({@code service_healthy},
 *     {@code service_completed_successfully}, or {@code service_started} for the short list form)
 * @param healthcheck the health check's test command; empty when the service declares none
 */
public record ComposeService(
        String name,
        String image,
        Map<String, String> environment,
        List<String> ports,
        Map<String, String> dependsOn,
        List<String> healthcheck) {

    public ComposeService {
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
        dependsOn = Map.copyOf(dependsOn);
        healthcheck = List.copyOf(healthcheck);
    }

    static ComposeService of(String name, Map<?, ?> definition) {
        return new ComposeService(
                name,
                String.valueOf(definition.get("image")),
                environment(definition.get("environment")),
                definition.get("ports") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of(),
                dependsOn(definition.get("depends_on")),
                healthcheck(definition.get("healthcheck")));
    }

    private static Map<String, String> environment(Object environment) {
        var values = new LinkedHashMap<String, String>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(key.toString(), value == null ? "" : value.toString()));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] keyValue = entry.toString().split("=", 2);
                values.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return values;
    }

    private static Map<String, String> dependsOn(Object dependsOn) {
        var conditions = new LinkedHashMap<String, String>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((service, options) -> conditions.put(
                    service.toString(),
                    options instanceof Map<?, ?> o && o.get("condition") != null
                            ? o.get("condition").toString()
                            : "service_started"));
        } else if (dependsOn instanceof List<?> list) {
            list.forEach(service -> conditions.put(service.toString(), "service_started"));
        }
        return conditions;
    }

    private static List<String> healthcheck(Object healthcheck) {
        if (!(healthcheck instanceof Map<?, ?> map) || Boolean.TRUE.equals(map.get("disable"))) {
            return List.of();
        }
        Object test = map.get("test");
        if (test instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return test == null ? List.of() : List.of("CMD-SHELL", test.toString());
    }

    /**
     * The environment name a Spring property is set with here: upper case, dots and dashes as
     * underscores ({@code messaging.schema-registry-url} is {@code MESSAGING_SCHEMA_REGISTRY_URL}), a
     * form Spring Boot's relaxed binding accepts for every property.
     */
    public static String environmentName(String springProperty) {
        return springProperty.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The names of the variables set, i.e. the Spring properties of an application service. */
    public Set<String> propertyNames() {
        return environment.keySet();
    }

    /** Whether {@code springProperty} is set, under its {@link #environmentName} form. */
    public boolean sets(String springProperty) {
        return environment.containsKey(environmentName(springProperty));
    }

    /** The HTTP port of an application service ({@code SERVER_PORT}). */
    public OptionalInt serverPort() {
        String port = environment.get("SERVER_PORT");
        return port == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port));
    }

    /** The database of {@code SPRING_DATASOURCE_URL} ({@code jdbc:postgresql://postgres:5432/orders}: orders). */
    public Optional<String> database() {
        String url = environment.get("SPRING_DATASOURCE_URL");
        if (url == null) {
            return Optional.empty();
        }
        String path = URI.create(url.substring("jdbc:".length())).getPath();
        return Optional.of(path.substring(1));
    }

    /** The image's tag (what follows the last colon after the last slash), e.g. {@code 8.19.21}. */
    public String imageTag() {
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        return colon < 0 ? "latest" : image.substring(colon + 1);
    }

    public boolean hasHealthcheck() {
        return !healthcheck.isEmpty();
    }
}
