package io.ordersaga.loadtest.stack;

import io.ordersaga.systemtest.SagaDatabases;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Where a running stack is, as its launcher wrote it to {@code stack.properties}
 * ({@code <service>.url}, {@code postgres.jdbc-url.<database>}, {@code postgres.username}, ...).
 */
public record StackConnection(Properties properties) {

    public StackConnection {
        var copy = new Properties();
        copy.putAll(properties);
        properties = copy;
    }

    public static StackConnection read(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new StackConnection(properties);
    }

    /** The base URL of {@code service}, if it is part of the stack. */
    public Optional<String> serviceUrl(String service) {
        return Optional.ofNullable(properties.getProperty(service + ".url"));
    }

    /** The mailbox viewer's URL ({@code mailbox.url}), where the stack's SMTP server shows what it received. */
    public Optional<String> mailboxUrl() {
        return Optional.ofNullable(properties.getProperty("mailbox.url"));
    }

    /** Elasticsearch's URL ({@code elasticsearch.url}), present when the search projection runs. */
    public Optional<String> elasticsearchUrl() {
        return Optional.ofNullable(properties.getProperty("elasticsearch.url"));
    }

    public boolean has(String service) {
        return serviceUrl(service).isPresent();
    }

    public String orderServiceUrl() {
        return serviceUrl("order-service")
                .orElseThrow(() -> new IllegalStateException("the stack has no order-service"));
    }

    /** The four saga services' databases, for the invariants checker. */
    public SagaDatabases sagaDatabases() {
        return new SagaDatabases(
                jdbcUrl("orders"),
                jdbcUrl("inventory"),
                jdbcUrl("payments"),
                jdbcUrl("shipments"),
                required("postgres.username"),
                required("postgres.password"));
    }

    /** The JDBC URL of one service database, e.g. {@code orders}. */
    public String jdbcUrl(String database) {
        return required("postgres.jdbc-url." + database);
    }

    /**
     * The ports of the stack's PostgreSQL servers ({@code postgres.ports}: one per service database
     * and the registry's, or one shared), empty if the launcher wrote none.
     */
    public List<Integer> postgresPorts() {
        String value = properties.getProperty("postgres.ports", "");
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(port -> !port.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }

    /** The partitions of every saga topic ({@code kafka.partitions}), if the launcher wrote them. */
    public OptionalInt topicPartitions() {
        return optionalInt("kafka.partitions");
    }

    public String username() {
        return required("postgres.username");
    }

    public String password() {
        return required("postgres.password");
    }

    private OptionalInt optionalInt(String key) {
        String value = properties.getProperty(key);
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.trim()));
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("stack.properties has no " + key);
        }
        return value;
    }
}
