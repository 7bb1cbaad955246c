package io.ordersaga.events.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaParseException;

/**
 * Every released version of every event schema: {@code <history>/<full name>/v<N>.avsc}, each file a
 * self-contained schema (shared types inlined), numbered from 1 without gaps.
 */
final class SchemaHistory {

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    record Version(int number, Schema schema) {}

    private final Path directory;
    private final SortedMap<String, List<Version>> versionsByName;

    private SchemaHistory(Path directory, SortedMap<String, List<Version>> versionsByName) {
        this.directory = directory;
        this.versionsByName = versionsByName;
    }

    /** Reads the history; a directory that does not exist yet is an empty history. */
    static SchemaHistory load(Path directory) {
        SortedMap<String, List<Version>> versionsByName = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            for (Path schemaDirectory : list(directory)) {
                if (Files.isDirectory(schemaDirectory)) {
                    String name = schemaDirectory.getFileName().toString();
                    versionsByName.put(name, loadVersions(name, schemaDirectory));
                }
            }
        }
        return new SchemaHistory(directory, versionsByName);
    }

    Set<String> schemaNames() {
        return Collections.unmodifiableSet(versionsByName.keySet());
    }

    /** The kept versions of one schema, oldest first; empty for a schema never released. */
    List<Version> versionsOf(String fullName) {
        return Collections.unmodifiableList(versionsByName.getOrDefault(fullName, List.of()));
    }

    Optional<Version> latestOf(String fullName) {
        List<Version> versions = versionsOf(fullName);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** Writes {@code schema} as the next version of its name and returns that version. */
    Version append(Schema schema) {
        String name = schema.getFullName();
        List<Version> versions = versionsByName.computeIfAbsent(name, ignored -> new ArrayList<>());
        Version next = new Version(versions.size() + 1, schema);
        Path file = directory.resolve(name).resolve("v" + next.number() + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, SchemaFormatter.format("json/pretty", schema) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        versions.add(next);
        return next;
    }

    Path directory() {
        return directory;
    }

    private static List<Version> loadVersions(String name, Path schemaDirectory) {
        List<Version> versions = new ArrayList<>();
        for (Path file : list(schemaDirectory)) {
            Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
            if (!matcher.matches()) {
                throw new IllegalStateException("Unexpected file in the schema history (expected v<N>.avsc): " + file);
            }
            versions.add(new Version(Integer.parseInt(matcher.group(1)), parse(file)));
        }
        versions.sort((left, right) -> Integer.compare(left.number(), right.number()));
        for (int index = 0; index < versions.size(); index++) {
            Version version = versions.get(index);
            if (version.number() != index + 1) {
                throw new IllegalStateException("Schema history of " + name + " has a gap: expected v" + (index + 1)
                        + ".avsc, found v" + version.number() + ".avsc");
            }
            if (!version.schema().getFullName().equals(name)) {
                throw new IllegalStateException(
                        "Schema history file " + schemaDirectory.resolve("v" + version.number() + ".avsc") + " holds "
                                + version.schema().getFullName() + ", not " + name);
            }
        }
        return versions;
    }

    /** Each version is parsed on its own: it must be self-contained, as registered. */
    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (SchemaParseException e) {
            throw new IllegalStateException("Invalid schema in the history: " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
