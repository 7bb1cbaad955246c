package io.ordersaga.events.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ordersaga.events.compatibility.GateReport.Breach;
import io.ordersaga.events.compatibility.GateReport.Direction;
import io.ordersaga.events.compatibility.GateReport.Status;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FULL_TRANSITIVE rules on small, hand-written schema versions. */
class CompatibilityGateTest {

    private static final String NAME = "io.ordersaga.events.test.ParcelWeighed";

    @TempDir
    Path historyDirectory;

    @Test
    void rejectsRemovingAFieldThatHasNoDefault() {
        GateReport report = checkAgainstHistory(
                record(field("parcelId", "\"string\"")),
                record(field("parcelId", "\"string\""), field("grams", "\"int\"")));

        assertThat(report.passed()).isFalse();
        assertThat(report.breachesOf(NAME)).singleElement().satisfies(breach -> {
            assertThat(breach.version()).isEqualTo(1);
            assertThat(breach.direction()).isEqualTo(Direction.FORWARD);
            assertThat(breach.type()).isEqualTo("READER_FIELD_MISSING_DEFAULT_VALUE");
            assertThat(breach.message()).isEqualTo("grams");
        });
    }

    @Test
    void rejectsChangingTheTypeOfAField() {
        GateReport report = checkAgainstHistory(
                record(field("parcelId", "\"string\""), field("grams", "\"string\"")),
                record(field("parcelId", "\"string\""), field("grams", "\"int\"")));

        assertThat(report.passed()).isFalse();
        assertThat(report.breachesOf(NAME))
                .extracting(Breach::direction, Breach::type, Breach::location)
                .containsExactlyInAnyOrder(
                        tuple(Direction.BACKWARD, "TYPE_MISMATCH", "/fields/1/type"),
                        tuple(Direction.FORWARD, "TYPE_MISMATCH", "/fields/1/type"));
    }

    @Test
    void rejectsAddingAFieldWithoutADefault() {
        GateReport report = checkAgainstHistory(
                record(field("parcelId", "\"string\""), field("grams", "\"int\"")),
                record(field("parcelId", "\"string\"")));

        assertThat(report.breachesOf(NAME))
                .singleElement()
                .extracting(Breach::direction, Breach::type)
                .containsExactly(Direction.BACKWARD, "READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void acceptsAddingAFieldWithADefault() {
        GateReport report = checkAgainstHistory(
                record(field("parcelId", "\"string\""), field("grams", "\"int\"", "0")),
                record(field("parcelId", "\"string\"")));

        assertThat(report.passed()).isTrue();
        assertThat(report.statusOf(NAME)).isEqualTo(Status.COMPATIBLE);
        assertThat(report.render()).contains("changed since v1, release it with -Prelease-schemas");
    }

    @Test
    void acceptsAddingAnOptionalField() {
        GateReport report = checkAgainstHistory(
                record(field("parcelId", "\"string\""), field("note", "[\"null\", \"string\"]", "null")),
                record(field("parcelId", "\"string\"")));

        assertThat(report.passed()).isTrue();
    }

    @Test
    void acceptsRemovingAFieldThatHasADefault() {
        GateReport report = checkAgainstHistory(
                record(field("parcelId", "\"string\"")),
                record(field("parcelId", "\"string\""), field("note", "[\"null\", \"string\"]", "null")));

        assertThat(report.passed()).isTrue();
    }

    @Test
    void acceptsAddingAnEnumSymbolBecauseOlderReadersFallBackToTheEnumDefault() {
        GateReport report = checkAgainstHistory(
                record(field("size", sizeEnum("\"UNKNOWN\", \"SMALL\", \"LARGE\", \"HUGE\"", true))),
                record(field("size", sizeEnum("\"UNKNOWN\", \"SMALL\", \"LARGE\"", true))));

        assertThat(report.passed()).isTrue();
    }

    @Test
    void rejectsAddingAnEnumSymbolWhenTheEnumHasNoDefault() {
        GateReport report = checkAgainstHistory(
                record(field("size", sizeEnum("\"SMALL\", \"LARGE\", \"HUGE\"", false))),
                record(field("size", sizeEnum("\"SMALL\", \"LARGE\"", false))));

        assertThat(report.breachesOf(NAME))
                .singleElement()
                .extracting(Breach::direction, Breach::type)
                .containsExactly(Direction.FORWARD, "MISSING_ENUM_SYMBOLS");
    }

    @Test
    void checksEveryKeptVersionNotOnlyTheLatest() {
        // v2 added grams with a default; dropping the default is fine against v2 but cannot read v1 data.
        GateReport report = checkAgainstHistory(
                record(field("parcelId", "\"string\""), field("grams", "\"int\"")),
                record(field("parcelId", "\"string\"")),
                record(field("parcelId", "\"string\""), field("grams", "\"int\"", "0")));

        assertThat(report.breachesOf(NAME))
                .singleElement()
                .extracting(Breach::version, Breach::direction, Breach::type)
                .containsExactly(1, Direction.BACKWARD, "READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void reportsASchemaWithoutHistoryAsNewAndPasses() {
        GateReport report = checkAgainstHistory(record(field("parcelId", "\"string\"")));

        assertThat(report.passed()).isTrue();
        assertThat(report.statusOf(NAME)).isEqualTo(Status.NEW);
        assertThat(report.render()).contains("new      " + NAME);
    }

    @Test
    void reportsAKeptSchemaWithoutCurrentSchemaAsRetiredAndPasses() {
        SchemaHistory history = SchemaHistory.load(historyDirectory);
        history.append(record(field("parcelId", "\"string\"")));

        GateReport report = CompatibilityGate.check(new TreeMap<>(), history);

        assertThat(report.passed()).isTrue();
        assertThat(report.statusOf(NAME)).isEqualTo(Status.RETIRED);
    }

    @Test
    void namesTheSchemaTheVersionAndTheIncompatibilityInTheReport() {
        GateReport report = checkAgainstHistory(
                record(field("parcelId", "\"string\"")),
                record(field("parcelId", "\"string\""), field("grams", "\"int\"")));

        assertThat(report.render())
                .contains("BREAKS   " + NAME + " v1 (FORWARD)")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1 in the v1 schema")
                .contains("Result: FAILED");
    }

    /** Keeps {@code keptVersions} as v1, v2... in a fresh history, then checks {@code current} against it. */
    private GateReport checkAgainstHistory(Schema current, Schema... keptVersions) {
        SchemaHistory history = SchemaHistory.load(historyDirectory);
        for (Schema version : keptVersions) {
            history.append(version);
        }
        SortedMap<String, Schema> currentSchemas = new TreeMap<>();
        currentSchemas.put(current.getFullName(), current);
        return CompatibilityGate.check(currentSchemas, SchemaHistory.load(historyDirectory));
    }

    private static Schema record(String... fields) {
        return new Schema.Parser().parse("""
                        {"type": "record", "name": "ParcelWeighed", "namespace": "io.ordersaga.events.test",
                         "fields": [%s]}
                        """.formatted(String.join(", ", fields)));
    }

    private static String field(String name, String type) {
        return "{\"name\": \"%s\", \"type\": %s}".formatted(name, type);
    }

    private static String field(String name, String type, String defaultValue) {
        return "{\"name\": \"%s\", \"type\": %s, \"default\": %s}".formatted(name, type, defaultValue);
    }

    private static String sizeEnum(String symbols, boolean withDefault) {
        return "{\"type\": \"enum\", \"name\": \"Size\", \"symbols\": [%s]%s}"
                .formatted(symbols, withDefault ? ", \"default\": \"UNKNOWN\"" : "");
    }
}
