package io.ordersaga.infra.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code infra/docker-compose.yml} as data, for checks that compose cannot run here: which services
 * it starts, and for each its image, port, database and the Spring properties it sets (YAML anchors
 * and merge keys resolved, as compose resolves them).
 *
 * <pre>{@code
 * var compose = ComposeFile.read(Path.of("infra/docker-compose.yml"));
 * ComposeService order = compose.applicationServices().get("order-service");
 * order.serverPort();        // OptionalInt[8081]
 * order.database();          // Optional[orders]
 * order.propertyNames();     // [SERVER_PORT, SPRING_DATASOURCE_URL, ...]
 * ComposeService.environmentName("spring.kafka.bootstrap-servers"); // SPRING_KAFKA_BOOTSTRAP_SERVERS
 * }</pre>
 */
public final class ComposeFile {

    /** The project's service images are named {@code ordersaga/<service>:<version>}. */
    public static final String APPLICATION_IMAGE_PREFIX = "ordersaga/";

    private final Path file;
    private final Map<String, ComposeService> services;

    private ComposeFile(Path file, Map<String, ComposeService> services) {
        this.file = file;
        this.services = services;
    }

    public static ComposeFile read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(document instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> definitions)) {
                throw new IllegalArgumentException(file + " has no services");
            }
            var services = new LinkedHashMap<String, ComposeService>();
            definitions.forEach((name, definition) ->
                    services.put(name.toString(), ComposeService.of(name.toString(), (Map<?, ?>) definition)));
            return new ComposeFile(file, Map.copyOf(services));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Every service, infrastructure and application, by name. */
    public Map<String, ComposeService> services() {
        return services;
    }

    public ComposeService service(String name) {
        var service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException(file + " has no service " + name + "; it has " + services.keySet());
        }
        return service;
    }

    /** The project's own services (images {@code ordersaga/...}), by service name. */
    public Map<String, ComposeService> applicationServices() {
        var application = new LinkedHashMap<String, ComposeService>();
        services.forEach((name, service) -> {
            if (service.image().startsWith(APPLICATION_IMAGE_PREFIX)) {
                application.put(name, service);
            }
        });
        return Map.copyOf(application);
    }
}
