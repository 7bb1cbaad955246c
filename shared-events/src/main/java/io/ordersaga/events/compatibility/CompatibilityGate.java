package io.ordersaga.events.compatibility;

import io.ordersaga.events.compatibility.GateReport.Breach;
import io.ordersaga.events.compatibility.GateReport.Direction;
import io.ordersaga.events.compatibility.GateReport.Finding;
import io.ordersaga.events.compatibility.GateReport.Status;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaParseException;

/**
 * Fails the build when a current event schema is not FULL_TRANSITIVE compatible with every version kept in the schema
 * history, i.e. when it could not read data written with an old version (backward) or consumers built with an old
 * version could not read its data (forward). Bound to {@code process-classes} in shared-events' pom; see
 * docs/events.md.
 *
 * <pre>
 * CompatibilityGate check   --schemas src/main/avro --history src/main/schema-history
 * CompatibilityGate release --schemas src/main/avro --history src/main/schema-history
 * </pre>
 *
 * {@code release} runs the check, then writes v(N+1) of every schema that differs from its latest kept version (v1
 * of a new one). Exit status: 0 passed, 1 incompatible, 2 bad arguments or an unreadable schema or history.
 */
public final class CompatibilityGate {

    static final int PASSED = 0;
    static final int INCOMPATIBLE = 1;
    static final int ERROR = 2;

    private static final String USAGE =
            "usage: CompatibilityGate (check|release) --schemas <avsc source dir> --history <schema history dir>";

    private CompatibilityGate() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length != 5
                || !(args[0].equals("check") || args[0].equals("release"))
                || !args[1].equals("--schemas")
                || !args[3].equals("--history")) {
            out.println(USAGE);
            return ERROR;
        }
        boolean release = args[0].equals("release");
        Path sources = Path.of(args[2]);
        Path historyDirectory = Path.of(args[4]);
        try {
            SortedMap<String, Schema> current = EventSchemas.load(sources);
            SchemaHistory history = SchemaHistory.load(historyDirectory);
            out.printf(
                    "Schema compatibility gate (FULL_TRANSITIVE): %d event schemas in %s against the history in %s%n",
                    current.size(), sources, historyDirectory);
            GateReport report = check(current, history);
            out.print(report.render());
            if (!report.passed()) {
                if (release) {
                    out.println("Nothing released.");
                }
                return INCOMPATIBLE;
            }
            if (release) {
                List<String> released = release(current, history);
                out.println(
                        released.isEmpty()
                                ? "Nothing to release: every schema equals its latest kept version."
                                : "Released into " + historyDirectory + ": " + String.join(", ", released));
            }
            return PASSED;
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException | SchemaParseException e) {
            out.println("Schema compatibility gate: ERROR: " + e.getMessage());
            return ERROR;
        }
    }

    /** Checks each current schema against all of its kept versions, in both directions. */
    static GateReport check(SortedMap<String, Schema> current, SchemaHistory history) {
        List<Finding> findings = new ArrayList<>();
        current.forEach((name, schema) -> {
            List<SchemaHistory.Version> versions = history.versionsOf(name);
            List<Breach> breaches = new ArrayList<>();
            for (SchemaHistory.Version version : versions) {
                breaches.addAll(breaches(schema, version.schema(), version.number(), Direction.BACKWARD));
                breaches.addAll(breaches(version.schema(), schema, version.number(), Direction.FORWARD));
            }
            Status status =
                    versions.isEmpty() ? Status.NEW : breaches.isEmpty() ? Status.COMPATIBLE : Status.INCOMPATIBLE;
            boolean unreleased =
                    versions.isEmpty() || !sameText(versions.getLast().schema(), schema);
            findings.add(new Finding(name, status, versions.size(), unreleased, breaches));
        });
        for (String name : history.schemaNames()) {
            if (!current.containsKey(name)) {
                findings.add(new Finding(
                        name, Status.RETIRED, history.versionsOf(name).size(), false, List.of()));
            }
        }
        findings.sort((left, right) -> left.schemaName().compareTo(right.schemaName()));
        return new GateReport(findings);
    }

    /**
     * Appends the current schema to the history where it differs from the latest kept version. Callers check first:
     * only compatible schemas are released.
     *
     * @return the released versions, as {@code name vN}
     */
    static List<String> release(SortedMap<String, Schema> current, SchemaHistory history) {
        List<String> released = new ArrayList<>();
        current.forEach((name, schema) -> {
            Optional<SchemaHistory.Version> latest = history.latestOf(name);
            if (latest.isEmpty() || !sameText(latest.get().schema(), schema)) {
                released.add(name + " v" + history.append(schema).number());
            }
        });
        return released;
    }

    private static List<Breach> breaches(Schema reader, Schema writer, int version, Direction direction) {
        List<Breach> breaches = new ArrayList<>();
        for (Incompatibility incompatibility : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult()
                .getIncompatibilities()) {
            breaches.add(new Breach(
                    version,
                    direction,
                    incompatibility.getType().name(),
                    incompatibility.getLocation(),
                    incompatibility.getMessage()));
        }
        return breaches;
    }

    /** Docs and defaults count: a changed default or doc is a new version of the registered text. */
    private static boolean sameText(Schema left, Schema right) {
        return SchemaFormatter.format("json", left).equals(SchemaFormatter.format("json", right));
    }
}
