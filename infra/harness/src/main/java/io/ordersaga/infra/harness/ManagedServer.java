package io.ordersaga.infra.harness;

/** A real server the harness started and will stop. */
public interface ManagedServer extends AutoCloseable {

    /** A short name: "postgres", "kafka", "schema-registry", "elasticsearch", "smtp". */
    String name();

    /** Where clients connect, for humans (the CLI's table, logs). */
    String endpoint();

    /** Whether the server process is alive and was not stopped. */
    boolean isRunning();

    /** Stops the server; idempotent. */
    @Override
    void close();
}
