package io.ordersaga.stack;

import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.ServiceProcess;
import io.ordersaga.stack.StackService.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The system on one machine: the harness's real servers that the chosen services need, the saga
 * topics, and each service as its own JVM started from its executable jar (or from its extraction,
 * with an {@link AotCache}), all healthy when {@link #start} returns. Closing the {@link
 * Infrastructure} stops the services first, then the servers.
 */
public final class LocalStack {

    private final Infrastructure infrastructure;
    private final StackSettings settings;
    private final Map<String, ServiceProcess> services;

    private LocalStack(Infrastructure infrastructure, StackSettings settings, Map<String, ServiceProcess> services) {
        this.infrastructure = infrastructure;
        this.settings = settings;
        this.services = services;
    }

    /** Starts the servers the services need, creates the topics, then starts the services in parallel. */
    public static LocalStack start(Infrastructure infrastructure, StackSettings settings) {
        var definitions =
                settings.services().stream().map(StackDefinition::service).toList();
        startServers(infrastructure, definitions);
        // Each service declares its own topic when it starts, but the others subscribe to it at the
        // same time: created first, no consumer waits for a metadata refresh to find its topic.
        createTopics(infrastructure.kafka().bootstrapServers(), settings.partitions());
        settings.logDirectory().ifPresent(directory -> {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the log directory " + directory, e);
            }
        });
        var started = new LinkedHashMap<String, ServiceProcess>();
        // In parallel: most of a service's start is waiting (Kafka, Flyway, the relay's slot).
        try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
            var starts = definitions.stream()
                    .map(service -> CompletableFuture.supplyAsync(
                            () -> infrastructure.startService(processOf(service, infrastructure, settings)), starters))
                    .toList();
            for (int i = 0; i < definitions.size(); i++) {
                started.put(definitions.get(i).name(), join(starts.get(i)));
            }
        }
        return new LocalStack(infrastructure, settings, started);
    }

    private static void startServers(Infrastructure infrastructure, List<StackService> services) {
        var needed = services.stream()
                .flatMap(service -> service.servers().stream())
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Server.class)));
        // Kafka is needed for the topics even by a stack of one service.
        needed.add(Server.KAFKA);
        for (Server server : needed) {
            switch (server) {
                case POSTGRES ->
                    infrastructure.postgres(services.stream()
                            .flatMap(service -> service.database().stream())
                            .toList());
                case KAFKA -> infrastructure.kafka();
                case SCHEMA_REGISTRY -> infrastructure.schemaRegistry();
                case ELASTICSEARCH -> infrastructure.elasticsearch();
                case SMTP -> infrastructure.smtp();
            }
        }
    }

    private static ServiceProcess.Builder processOf(
            StackService service, Infrastructure infrastructure, StackSettings settings) {
        var launch = settings.aotCache().launchOf(service.name(), settings.jarOf(service.name()));
        var builder = ServiceProcess.builder(service.name(), launch.jar())
                .jvmOption("-Xmx" + settings.serviceHeap())
                .jvmOption("-XX:+UseSerialGC");
        launch.jvmOptions().forEach(builder::jvmOption);
        launch.stopGrace().ifPresent(builder::stopGrace);
        // The JVM's full tiered compilation, as in production. C1 only (-XX:TieredStopAtLevel=1) starts
        // faster, but the same saturation run sustained 30 orders/s with it and 70 without (docs/performance.md).
        settings.extraJvmOptions().forEach(builder::jvmOption);
        builder.properties(ServiceConfiguration.of(service, infrastructure))
                .properties(partitionsOf(service, settings))
                .properties(settings.serviceProperties().getOrDefault(service.name(), Map.of()))
                .startupTimeout(settings.startupTimeout());
        if (settings.fixedPorts()) {
            builder.port(service.port());
        }
        settings.logDirectory().ifPresent(directory -> builder.logFile(directory.resolve(service.name() + ".log")));
        return builder;
    }

    /**
     * The stack's partition count for the topic a service's relay declares and for the dead-letter
     * topics of those it consumes: declared with more than the launcher created, Spring's {@code
     * KafkaAdmin} would add partitions to the existing topics at the service's start.
     */
    private static Map<String, String> partitionsOf(StackService service, StackSettings settings) {
        if (!service.servers().contains(Server.KAFKA)) {
            return Map.of();
        }
        String count = Integer.toString(settings.partitions());
        return Map.of("messaging.relay.partitions", count, "messaging.consumer.partitions", count);
    }

    private static void createTopics(String bootstrapServers, int partitions) {
        var config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var admin = Admin.create(config)) {
            for (String topic : StackDefinition.TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                            .all()
                            .get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the saga topics", e);
        }
    }

    private static ServiceProcess join(CompletableFuture<ServiceProcess> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Stops the services, all at once: each one's graceful shutdown (leaving its consumer groups,
     * stopping its relay) takes seconds. The servers stay up until the {@link Infrastructure} closes.
     */
    public void stopServices() {
        try (var stoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            services.values().forEach(service -> stoppers.submit(service::stop));
        }
    }

    /** A started service by name, e.g. {@code order-service}. */
    public ServiceProcess service(String name) {
        var service = services.get(name);
        if (service == null) {
            throw new NoSuchElementException(name + " is not part of this stack: " + services.keySet());
        }
        return service;
    }

    /** The started services, in start order. */
    public Map<String, ServiceProcess> services() {
        return java.util.Collections.unmodifiableMap(services);
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public StackSettings settings() {
        return settings;
    }
}
