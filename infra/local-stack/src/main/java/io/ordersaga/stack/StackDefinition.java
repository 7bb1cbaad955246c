package io.ordersaga.stack;

import io.ordersaga.stack.StackService.Server;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * What the system is: its services (ports, databases, servers) and its topics. The single source
 * for the local stack, the system tests and the check that keeps docker compose in line.
 */
public final class StackDefinition {

    /** The saga topics, one per publishing service; the services create their dead-letter topics. */
    public static final List<String> TOPICS =
            List.of("orders.events", "inventory.events", "payments.events", "shipments.events");

    private static final Set<Server> SAGA_PARTICIPANT =
            EnumSet.of(Server.POSTGRES, Server.KAFKA, Server.SCHEMA_REGISTRY);

    public static final List<StackService> SERVICES = List.of(
            new StackService("order-service", 8081, Optional.of("orders"), SAGA_PARTICIPANT),
            new StackService("inventory-service", 8082, Optional.of("inventory"), SAGA_PARTICIPANT),
            new StackService("payment-service", 8083, Optional.of("payments"), SAGA_PARTICIPANT),
            new StackService("shipping-service", 8084, Optional.of("shipments"), SAGA_PARTICIPANT),
            new StackService(
                    "notification-service",
                    8086,
                    Optional.of("notifications"),
                    EnumSet.of(Server.POSTGRES, Server.KAFKA, Server.SCHEMA_REGISTRY, Server.SMTP)),
            new StackService(
                    "search-projection-service",
                    8087,
                    Optional.empty(),
                    EnumSet.of(Server.KAFKA, Server.SCHEMA_REGISTRY, Server.ELASTICSEARCH)));

    private StackDefinition() {}

    public static StackService service(String name) {
        return SERVICES.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no service named " + name));
    }

    /** The service names, in start order. */
    public static List<String> serviceNames() {
        return SERVICES.stream().map(StackService::name).toList();
    }
}
