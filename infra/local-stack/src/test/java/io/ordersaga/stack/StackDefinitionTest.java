package io.ordersaga.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The stack's definition of each service agrees with the service's own configuration. */
class StackDefinitionTest {

    private static final Path ROOT = Path.of(System.getProperty("stack.project-root", "../.."))
            .toAbsolutePath()
            .normalize();

    @Test
    void eachServiceListensOnItsDefinedPortByDefault() throws IOException {
        for (StackService service : StackDefinition.SERVICES) {
            Map<String, Object> configuration = applicationYaml(service);
            assertThat(value(configuration, "server.port"))
                    .as(service.name() + "'s server.port")
                    .isEqualTo(service.port());
            assertThat(value(configuration, "spring.application.name"))
                    .as(service.name() + "'s spring.application.name")
                    .isEqualTo(service.name());
        }
    }

    @Test
    void aServiceHasADatabaseExactlyWhenItConfiguresADataSource() throws IOException {
        for (StackService service : StackDefinition.SERVICES) {
            Object url = value(applicationYaml(service), "spring.datasource.url");
            if (service.database().isPresent()) {
                assertThat(String.valueOf(url))
                        .as(service.name() + "'s default datasource URL names its database")
                        .contains("/" + service.database().get());
            } else {
                assertThat(url).as(service.name() + " has no database").isNull();
            }
        }
    }

    @Test
    void servicePortsAreDistinct() {
        assertThat(StackDefinition.SERVICES.stream().map(StackService::port)).doesNotHaveDuplicates();
    }

    private static Map<String, Object> applicationYaml(StackService service) throws IOException {
        Path file = ROOT.resolve(service.name()).resolve("src/main/resources/application.yml");
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> yaml = new Yaml().load(in);
            return yaml;
        }
    }

    /** A dotted key's value in nested YAML maps, or null. */
    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> yaml, String dottedKey) {
        Object current = yaml;
        for (String part : dottedKey.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return current;
    }
}
