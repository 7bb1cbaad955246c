package io.ordersaga.systemtest;

import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The whole saga on one machine: the harness's PostgreSQL, Kafka and schema registry, and the order,
 * inventory, payment and shipping services, each its own JVM started from its executable jar. One
 * stack per JVM ({@link #shared()}); the harness's shutdown hook stops the services first, then the
 * servers.
 */
public final class SagaStack {

    /** The saga topics, one per publishing service, at the messaging library's default partitions. */
    static final List<String> TOPICS =
            List.of("orders.events", "inventory.events", "payments.events", "shipments.events");

    private static final int PARTITIONS = 12;
    private static SagaStack shared;

    private final Infrastructure infrastructure;
    private final SagaStackSettings settings;
    private final ServiceProcess orders;
    private final ServiceProcess inventory;
    private final ServiceProcess payments;
    private final ServiceProcess shipping;

    private SagaStack(Infrastructure infrastructure, SagaStackSettings settings) {
        this.infrastructure = infrastructure;
        this.settings = settings;
        var postgres = infrastructure.postgres();
        infrastructure.kafka();
        infrastructure.schemaRegistry();
        // Each service declares its own topic when it starts, but the others subscribe to it at the
        // same time: created first, no consumer waits for a metadata refresh to find its topic.
        createTopics(infrastructure.kafka().bootstrapServers());
        var common = Map.of(
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers(),
                "messaging.schema-registry-url", infrastructure.schemaRegistry().apiUrl());
        var order = service("order-service", "orders", common)
                .property("orders.deadline.timeout", settings.sagaDeadline().toMillis() + "ms");
        var inventory = service("inventory-service", "inventory", common);
        var payment = service("payment-service", "payments", common);
        var shipping = service("shipping-service", "shipments", common);
        // In parallel: most of a service's start is waiting (Kafka, Flyway, the relay's slot).
        try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
            var started = List.of(order, inventory, payment, shipping).stream()
                    .map(builder -> CompletableFuture.supplyAsync(() -> infrastructure.startService(builder), starters))
                    .toList();
            this.orders = join(started.get(0));
            this.inventory = join(started.get(1));
            this.payments = join(started.get(2));
            this.shipping = join(started.get(3));
        }
    }

    /** This JVM's stack, started on first use with {@link SagaStackSettings#fromSystemProperties()}. */
    public static synchronized SagaStack shared() {
        if (shared == null) {
            shared = new SagaStack(Infrastructure.shared(), SagaStackSettings.fromSystemProperties());
        }
        return shared;
    }

    private ServiceProcess.Builder service(String name, String database, Map<String, String> common) {
        Path jar = settings.projectRoot()
                .resolve(name)
                .resolve("target")
                .resolve(name + "-" + settings.version() + ".jar");
        return ServiceProcess.builder(name, jar)
                .jvmOption("-Xmx" + settings.serviceHeap())
                .jvmOption("-XX:+UseSerialGC")
                .jvmOption("-XX:TieredStopAtLevel=1")
                .properties(common)
                .property("spring.datasource.url", infrastructure.postgres().jdbcUrl(database))
                .startupTimeout(settings.startupTimeout());
    }

    private static void createTopics(String bootstrapServers) {
        var config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var admin = Admin.create(config)) {
            for (String topic : TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
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
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public ServiceProcess orderService() {
        return orders;
    }

    public ServiceProcess inventoryService() {
        return inventory;
    }

    public ServiceProcess paymentService() {
        return payments;
    }

    public ServiceProcess shippingService() {
        return shipping;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public SagaStackSettings settings() {
        return settings;
    }

    /** A client of the four services' REST APIs. */
    public SagaClient client() {
        return new SagaClient(orders.baseUrl(), inventory.baseUrl(), payments.baseUrl(), shipping.baseUrl());
    }

    /** The invariants checker over the services' databases. */
    public SagaInvariants invariants() {
        return new SagaInvariants(
                SagaDatabases.of(infrastructure.postgres()),
                settings.sagaDeadline().plus(Duration.ofSeconds(30)));
    }
}
