package io.ordersaga.events.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate as the build runs it, on the real schemas and history (copied, where a test changes them). */
class CompatibilityGateCommandTest {

    private static final Path REAL_SOURCES = Path.of("src/main/avro");
    private static final Path REAL_HISTORY = Path.of("src/main/schema-history");
    private static final String ORDER_PLACED = "io.ordersaga.events.order.OrderPlaced";
    private static final String ORDER_CONFIRMED = "io.ordersaga.events.order.OrderConfirmed";

    @TempDir
    Path workspace;

    private Path sources;
    private Path history;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void copyTheRealSchemasAndHistory() {
        sources = copy(REAL_SOURCES, workspace.resolve("avro"));
        history = copy(REAL_HISTORY, workspace.resolve("schema-history"));
    }

    @Test
    void passesOnTheCurrentSchemasAgainstTheKeptHistory() {
        GateReport report = CompatibilityGate.check(EventSchemas.load(REAL_SOURCES), SchemaHistory.load(REAL_HISTORY));

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.findings()).hasSize(11);
    }

    @Test
    void failsNamingSchemaVersionAndIncompatibilityWhenAFieldIsRemoved() {
        removeLineStartingWith("order/OrderPlaced.avsc", "    {\"name\": \"customerEmail\"");

        int status = run("check");

        assertThat(status).isEqualTo(CompatibilityGate.INCOMPATIBLE);
        assertThat(output())
                .contains("BREAKS   " + ORDER_PLACED + " v1 (FORWARD)")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("customerEmail")
                .contains("Result: FAILED");
    }

    @Test
    void releaseWritesTheNextVersionOnlyOfTheSchemaThatChanged() {
        insertBefore(
                "order/OrderConfirmed.avsc",
                "    {\"name\": \"customerId\"",
                "    {\"name\": \"loyaltyTier\", \"type\": [\"null\", \"string\"], \"default\": null},\n");

        assertThat(run("release")).isEqualTo(CompatibilityGate.PASSED);

        assertThat(history.resolve(ORDER_CONFIRMED).resolve("v2.avsc")).exists();
        assertThat(history.resolve(ORDER_PLACED).resolve("v2.avsc")).doesNotExist();
        assertThat(SchemaHistory.load(history)
                        .latestOf(ORDER_CONFIRMED)
                        .orElseThrow()
                        .schema()
                        .getField("loyaltyTier"))
                .isNotNull();
        assertThat(output()).contains("Released into").contains(ORDER_CONFIRMED + " v2");
    }

    @Test
    void releaseWritesNothingWhenNoSchemaChanged() {
        assertThat(run("release")).isEqualTo(CompatibilityGate.PASSED);

        assertThat(output()).contains("Nothing to release");
        assertThat(history.resolve(ORDER_PLACED).resolve("v2.avsc")).doesNotExist();
    }

    @Test
    void releaseRefusesAnIncompatibleSchema() {
        removeLineStartingWith("order/OrderPlaced.avsc", "    {\"name\": \"customerEmail\"");

        assertThat(run("release")).isEqualTo(CompatibilityGate.INCOMPATIBLE);

        assertThat(output()).contains("Nothing released.");
        assertThat(history.resolve(ORDER_PLACED).resolve("v2.avsc")).doesNotExist();
    }

    @Test
    void reportsAnErrorForAHistoryWithAGapInItsVersions() throws IOException {
        Path kept = history.resolve(ORDER_PLACED);
        Files.move(kept.resolve("v1.avsc"), kept.resolve("v2.avsc"));

        assertThat(run("check")).isEqualTo(CompatibilityGate.ERROR);
        assertThat(output()).contains("ERROR").contains(ORDER_PLACED).contains("gap");
    }

    private int run(String mode) {
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            return CompatibilityGate.run(
                    new String[] {mode, "--schemas", sources.toString(), "--history", history.toString()}, out);
        }
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private void removeLineStartingWith(String file, String start) {
        rewrite(file, start, text -> text.replaceAll("(?m)^" + Pattern.quote(start) + ".*\\R", ""));
    }

    private void insertBefore(String file, String anchor, String inserted) {
        rewrite(file, anchor, text -> text.replace(anchor, inserted + anchor));
    }

    /** Edits the copied source, never the real one. */
    private void rewrite(String file, String mustContain, UnaryOperator<String> edit) {
        Path schema = sources.resolve(file);
        try {
            String text = Files.readString(schema);
            assertThat(text).contains(mustContain);
            Files.writeString(schema, edit.apply(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
