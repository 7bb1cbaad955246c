package io.ordersaga.stack;

import java.util.Optional;
import java.util.Set;

/**
 * One of the project's services as every way of running the system runs it: the local stack, the
 * system tests and docker compose ({@code infra/docker-compose.yml}, which a test keeps in line
 * with this).
 *
 * @param name the module and artifact name, e.g. {@code order-service}
 * @param port its HTTP port when the stack runs on fixed ports
 * @param database its own PostgreSQL database, if it has one
 * @param servers the servers it connects to
 */
public record StackService(String name, int port, Optional<String> database, Set<Server> servers) {

    public StackService {
        servers = Set.copyOf(servers);
        if (database.isPresent() != servers.contains(Server.POSTGRES)) {
            throw new IllegalArgumentException(name + ": a database exactly when it uses PostgreSQL");
        }
    }

    /** The servers of the harness a service can use. */
    public enum Server {
        POSTGRES,
        KAFKA,
        SCHEMA_REGISTRY,
        ELASTICSEARCH,
        SMTP
    }
}
