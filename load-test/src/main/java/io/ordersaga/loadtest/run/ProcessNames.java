package io.ordersaga.loadtest.run;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a process of the local stack is, from its command line: a service by its jar
 * ({@code order-service-0.1.0-SNAPSHOT.jar} is {@code order-service}), a server by what it runs, else
 * the executable's name.
 */
final class ProcessNames {

    static final String POSTGRESQL = "postgresql";
    static final String KAFKA = "kafka";
    static final String SCHEMA_REGISTRY = "schema-registry";
    static final String ELASTICSEARCH = "elasticsearch";

    /** A jar's name without its version: {@code order-service} of {@code order-service-0.1.0-SNAPSHOT.jar}. */
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)(-\\d[^/]*)?\\.jar");

    private ProcessNames() {}

    /**
     * @param commandLine the arguments from {@code /proc/<pid>/cmdline}, the executable first; empty
     *     for a process that has none (a zombie)
     * @param command the kernel's name of the executable ({@code /proc/<pid>/stat} field 2), used when
     *     the command line says nothing better
     */
    static String of(List<String> commandLine, String command) {
        // Checked first: a service's own arguments name the servers (--spring.elasticsearch.uris=...).
        String jar = argumentAfter(commandLine, "-jar");
        if (jar != null) {
            // The registry runs as .../schema-registry/target/quarkus-app/quarkus-run.jar.
            if (jar.contains(SCHEMA_REGISTRY)) {
                return SCHEMA_REGISTRY;
            }
            var versioned = VERSIONED_JAR.matcher(fileName(jar));
            return versioned.matches() ? versioned.group(1) : fileName(jar);
        }
        if (commandLine.contains("kafka.Kafka")) {
            return KAFKA;
        }
        // Elasticsearch's launcher script, its CLI JVM and its server JVM.
        if (commandLine.stream()
                .anyMatch(argument -> argument.startsWith("org.elasticsearch.")
                        || fileName(argument).equals(ELASTICSEARCH))) {
            return ELASTICSEARCH;
        }
        String executable = commandLine.isEmpty() ? command : fileName(commandLine.getFirst());
        // A PostgreSQL backend rewrites its command line ("postgres: postgres orders 127.0.0.1(4711) idle").
        if (command.equals("postgres") || executable.equals("postgres")) {
            return POSTGRESQL;
        }
        return executable.isEmpty() ? command : executable;
    }

    private static String argumentAfter(List<String> commandLine, String option) {
        int at = commandLine.indexOf(option);
        return at >= 0 && at + 1 < commandLine.size() ? commandLine.get(at + 1) : null;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
