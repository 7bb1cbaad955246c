package io.ordersaga.systemtest;

import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.ServiceProcess;
import io.ordersaga.stack.LocalStack;
import io.ordersaga.stack.StackSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on one machine: the harness's PostgreSQL, Kafka, schema registry, Elasticsearch
 * and SMTP server, and all six services, each its own JVM started from its executable jar by the
 * {@link LocalStack} on free ports. One stack per JVM ({@link #shared()}); the harness's shutdown
 * hook stops the services first, then the servers.
 */
public final class SagaStack {

    private static SagaStack shared;

    private final LocalStack stack;
    private final SagaStackSettings settings;

    private SagaStack(Infrastructure infrastructure, SagaStackSettings settings) {
        this.settings = settings;
        this.stack = LocalStack.start(
                infrastructure,
                StackSettings.demo(settings.projectRoot(), settings.version())
                        .withRandomPorts()
                        .withLogDirectory(Optional.empty())
                        .withServiceHeap(settings.serviceHeap())
                        .withStartupTimeout(settings.startupTimeout())
                        .withServiceProperties(Map.of(
                                "order-service",
                                Map.of(
                                        "orders.deadline.timeout",
                                        settings.sagaDeadline().toMillis() + "ms")))
                        .withJvmOptionsFromSetting()
                        .withPartitionsFromSetting());
    }

    /** This JVM's stack, started on first use with {@link SagaStackSettings#fromSystemProperties()}. */
    public static synchronized SagaStack shared() {
        if (shared == null) {
            shared = new SagaStack(Infrastructure.shared(), SagaStackSettings.fromSystemProperties());
        }
        return shared;
    }

    public ServiceProcess orderService() {
        return stack.service("order-service");
    }

    public ServiceProcess inventoryService() {
        return stack.service("inventory-service");
    }

    public ServiceProcess paymentService() {
        return stack.service("payment-service");
    }

    public ServiceProcess shippingService() {
        return stack.service("shipping-service");
    }

    public ServiceProcess searchService() {
        return stack.service("search-projection-service");
    }

    public Infrastructure infrastructure() {
        return stack.infrastructure();
    }

    public SagaStackSettings settings() {
        return settings;
    }

    /** The partitions of every saga topic and dead-letter topic of this stack. */
    public int partitions() {
        return stack.settings().partitions();
    }

    /** A client of the four services' REST APIs. */
    public SagaClient client() {
        return new SagaClient(
                orderService().baseUrl(),
                inventoryService().baseUrl(),
                paymentService().baseUrl(),
                shippingService().baseUrl());
    }

    /** The invariants checker over the services' databases, the SMTP server's mailbox and the search index. */
    public SagaInvariants invariants() {
        return new SagaInvariants(
                SagaDatabases.of(infrastructure()),
                settings.sagaDeadline().plus(Duration.ofSeconds(30)),
                Optional.of(Mailbox.of(infrastructure().smtp())),
                Optional.of(OrderIndex.elasticsearch(
                        infrastructure().elasticsearch().httpUrl())));
    }
}
