package io.ordersaga.infra.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real servers of one JVM, each started on first use and shared from then on: a test run
 * starts PostgreSQL once however many test classes use it. {@link #shared()} is the per-JVM
 * instance; a shutdown hook stops whatever it started, and servers left behind by a killed JVM are
 * reaped when the next one starts ({@link StaleRunReaper}).
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
    private static Infrastructure shared;

    private final HarnessSettings settings;
    private final Distributions distributions;
    private final RunDirectory run;
    private final List<ManagedServer> started = new ArrayList<>();
    private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    private PostgresServer postgres;
    private final Map<String, PostgresServer> databaseServers = new LinkedHashMap<>();
    private KafkaServer kafka;
    private SchemaRegistryServer schemaRegistry;
    private ElasticsearchServer elasticsearch;
    private SmtpServer smtp;
    private boolean closed;

    Infrastructure(HarnessSettings settings, Distributions distributions) {
        this.settings = settings;
        this.distributions = distributions;
        this.run = RunDirectory.create(settings.root());
    }

    /** A new, independent set of servers (its own run directory); close it when done. */
    public static Infrastructure create(HarnessSettings settings) {
        return new Infrastructure(settings, Distributions.fromBuild());
    }

    /** This JVM's shared servers, stopped by a shutdown hook. */
    public static synchronized Infrastructure shared() {
        if (shared == null || shared.closed) {
            shared = create(HarnessSettings.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "harness-shutdown"));
        }
        return shared;
    }

    /**
     * The shared PostgreSQL server: the registry's, and every service database's unless each has its
     * own ({@link HarnessSettings#postgresServerPerDatabase}, then it holds none of them).
     */
    public synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = track(() -> settings.postgresServerPerDatabase()
                    ? PostgresServer.start(run, settings, "postgres", List.of())
                    : PostgresServer.start(run, settings));
        }
        return postgres;
    }

    /**
     * The server that holds {@code database}: the shared one (which creates {@link
     * HarnessSettings#databases}), or with {@link
     * HarnessSettings#postgresServerPerDatabase} its own server ({@code postgres-<database>}), started
     * on first use. Its relay's walsender then reads only that database's write-ahead log.
     */
    public synchronized PostgresServer postgres(String database) {
        return postgres(List.of(database)).get(database);
    }

    /**
     * The server of each of {@code databases}, as {@link #postgres(String)}; with {@link
     * HarnessSettings#postgresServerPerDatabase}, those not running yet start in parallel (most of a
     * server's start is initdb and waiting for it to accept connections).
     */
    public synchronized Map<String, PostgresServer> postgres(Collection<String> databases) {
        var servers = new LinkedHashMap<String, PostgresServer>();
        if (!settings.postgresServerPerDatabase()) {
            var shared = postgres();
            databases.forEach(database -> servers.put(database, shared));
            return servers;
        }
        var missing = databases.stream()
                .distinct()
                .filter(database -> !databaseServers.containsKey(database))
                .toList();
        if (!missing.isEmpty()) {
            if (closed) {
                throw new IllegalStateException("the harness was closed");
            }
            startDatabaseServers(missing);
        }
        databases.forEach(database -> servers.put(database, databaseServers.get(database)));
        return servers;
    }

    private void startDatabaseServers(List<String> databases) {
        record Started(String database, PostgresServer server, Duration took) {}
        RuntimeException failure = null;
        try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
            var starts = databases.stream()
                    .map(database -> starters.submit(() -> {
                        long begin = System.nanoTime();
                        var server = PostgresServer.start(run, settings, "postgres-" + database, List.of(database));
                        return new Started(database, server, Duration.ofNanos(System.nanoTime() - begin));
                    }))
                    .toList();
            for (var start : starts) {
                try {
                    var up = start.get();
                    // Registered as each one is up, so close() stops those that started when another failed.
                    register(up.server(), up.took());
                    databaseServers.put(up.database(), up.server());
                } catch (ExecutionException e) {
                    var cause = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting PostgreSQL", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The PostgreSQL servers started so far: the shared one and those of single databases. */
    public synchronized List<PostgresServer> postgresServers() {
        var servers = new ArrayList<PostgresServer>();
        if (postgres != null) {
            servers.add(postgres);
        }
        servers.addAll(databaseServers.values());
        return servers;
    }

    public synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = track(() -> KafkaServer.start(run, settings, distributions));
        }
        return kafka;
    }

    /** The registry keeps its schemas in the harness's PostgreSQL, which is started first. */
    public synchronized SchemaRegistryServer schemaRegistry() {
        if (schemaRegistry == null) {
            var storage = postgres();
            storage.createDatabase(HarnessSettings.REGISTRY_DATABASE);
            schemaRegistry = track(() -> SchemaRegistryServer.start(run, settings, distributions, storage));
        }
        return schemaRegistry;
    }

    public synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = track(() -> ElasticsearchServer.start(run, settings, distributions));
        }
        return elasticsearch;
    }

    public synchronized SmtpServer smtp() {
        if (smtp == null) {
            smtp = track(SmtpServer::start);
        }
        return smtp;
    }

    /**
     * Starts one of the project's services as its own JVM with this harness's run directory. It is
     * stopped by {@link #close()} before the servers it uses.
     */
    public ServiceProcess startService(ServiceProcess.Builder service) {
        ServiceProcess process;
        // Registered before it starts, so close() stops a half-started one too; started outside the
        // lock, so several services start in parallel.
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the harness was closed");
            }
            process = service.build(run);
            started.add(process);
        }
        long begin = System.nanoTime();
        process.start();
        synchronized (this) {
            startupTimes.put(process.name(), Duration.ofNanos(System.nanoTime() - begin));
        }
        return process;
    }

    /** Starts every server (the demo stack); on a failure stops those already started. */
    public synchronized Infrastructure startAll() {
        try {
            postgres();
            postgres(settings.databases());
            kafka();
            schemaRegistry();
            elasticsearch();
            smtp();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Connection settings of the started servers as Spring Boot properties, so a service started
     * against the harness needs nothing else.
     */
    public synchronized Map<String, String> springProperties() {
        var properties = new LinkedHashMap<String, String>();
        if (postgres != null) {
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            properties.put("harness.postgres.port", Integer.toString(postgres.port()));
        }
        if (kafka != null) {
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        }
        if (schemaRegistry != null) {
            properties.put("messaging.schema-registry-url", schemaRegistry.apiUrl());
            properties.put("schema-registry.url", schemaRegistry.apiUrl());
            properties.put("schema-registry.ccompat-url", schemaRegistry.ccompatUrl());
        }
        if (elasticsearch != null) {
            properties.put("spring.elasticsearch.uris", elasticsearch.httpUrl());
        }
        if (smtp != null) {
            properties.put("spring.mail.host", smtp.host());
            properties.put("spring.mail.port", Integer.toString(smtp.port()));
        }
        return properties;
    }

    /** The servers started so far, in start order. */
    public synchronized List<ManagedServer> servers() {
        return List.copyOf(started);
    }

    /** How long each started server took to become healthy, by server name. */
    public synchronized Map<String, Duration> startupTimes() {
        return Map.copyOf(startupTimes);
    }

    public RunDirectory runDirectory() {
        return run;
    }

    private <S extends ManagedServer> S track(Supplier<S> start) {
        if (closed) {
            throw new IllegalStateException("the harness was closed");
        }
        long begin = System.nanoTime();
        S server = start.get();
        register(server, Duration.ofNanos(System.nanoTime() - begin));
        return server;
    }

    private void register(ManagedServer server, Duration startupTime) {
        started.add(server);
        startupTimes.put(server.name(), startupTime);
    }

    /** Stops every server, newest first, and deletes the run directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            var server = started.get(i);
            try {
                server.close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly: {}", server.name(), e.toString());
            }
        }
        run.delete();
    }
}
