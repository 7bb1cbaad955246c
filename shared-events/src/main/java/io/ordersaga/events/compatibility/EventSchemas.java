package io.ordersaga.events.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** The current event schemas, read from the {@code .avsc} sources the Java classes are generated from. */
final class EventSchemas {

    static final String ENVELOPE = "io.ordersaga.events.common.EventEnvelope";

    private EventSchemas() {}

    /**
     * Parses every {@code .avsc} file below {@code sourceDir} and returns the events among them, keyed by full name.
     * One parser reads all files, so a file may use a type defined in any other file, in any order.
     */
    static SortedMap<String, Schema> load(Path sourceDir) {
        SchemaParser parser = new SchemaParser();
        for (Path file : avscFiles(sourceDir)) {
            try {
                parser.parse(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        SortedMap<String, Schema> events = new TreeMap<>();
        for (Schema schema : parser.getParsedNamedSchemas()) {
            if (isEvent(schema)) {
                events.put(schema.getFullName(), schema);
            }
        }
        return events;
    }

    /** An event is a record whose first field is the shared envelope; the other records are shared types. */
    static boolean isEvent(Schema schema) {
        return schema.getType() == Schema.Type.RECORD
                && !schema.getFields().isEmpty()
                && schema.getFields().getFirst().name().equals("envelope")
                && schema.getFields().getFirst().schema().getFullName().equals(ENVELOPE);
    }

    private static List<Path> avscFiles(Path sourceDir) {
        if (!Files.isDirectory(sourceDir)) {
            throw new IllegalArgumentException("Schema source directory not found: " + sourceDir);
        }
        try (Stream<Path> files = Files.walk(sourceDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".avsc"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + sourceDir, e);
        }
    }
}
