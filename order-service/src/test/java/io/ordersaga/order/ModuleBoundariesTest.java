package io.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain packages know nothing of messaging: Kafka, Avro, the event contracts and the messaging
 * library are the {@code messaging} package's business, behind the {@code OrderEvents} port.
 */
class ModuleBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/ordersaga/order");
    private static final List<String> DOMAIN_PACKAGES = List.of("orders", "deadline", "web");
    private static final List<String> MESSAGING_IMPORTS = List.of(
            "import org.apache.kafka.",
            "import org.apache.avro.",
            "import io.debezium.",
            "import io.ordersaga.events.",
            "import io.ordersaga.messaging.",
            "import io.ordersaga.order.messaging.");

    @Test
    void domainPackagesImportNoMessagingTypes() {
        for (String domainPackage : DOMAIN_PACKAGES) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(domainPackage))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> assertThat(lines(file))
                        .as(file.toString())
                        .noneMatch(line -> MESSAGING_IMPORTS.stream().anyMatch(line::startsWith)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
