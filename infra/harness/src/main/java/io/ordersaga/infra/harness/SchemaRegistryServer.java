package io.ordersaga.infra.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry (built by infra/schema-registry) with its schemas stored in the harness's
 * PostgreSQL and FULL_TRANSITIVE as the global compatibility rule. Clients use either its native
 * API ({@link #apiUrl()}, what the Apicurio serde talks to) or its Confluent-compatible API
 * ({@link #ccompatUrl()}).
 */
public final class SchemaRegistryServer implements ManagedServer {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final ChildProcess process;
    private final int port;
    private final HarnessSettings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SchemaRegistryServer(ChildProcess process, int port, HarnessSettings settings) {
        this.process = process;
        this.port = port;
        this.settings = settings;
    }

    static SchemaRegistryServer start(
            RunDirectory run, HarnessSettings settings, Distributions distributions, PostgresServer storage) {
        Path app = Distributions.require(distributions.schemaRegistryApp(), "Schema registry application");
        Path dir = run.directory("schema-registry");
        int port = Ports.freePort();
        long started = System.nanoTime();
        Path tmp = run.directory("schema-registry/tmp");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.registryHeap(),
                "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + tmp,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-jar",
                app.resolve("quarkus-run.jar").toString());
        Map<String, String> environment = Map.of(
                "REGISTRY_DATASOURCE_URL", storage.jdbcUrl(HarnessSettings.REGISTRY_DATABASE),
                "REGISTRY_DATASOURCE_USERNAME", storage.username(),
                "REGISTRY_DATASOURCE_PASSWORD", storage.password(),
                "REGISTRY_RULES_GLOBAL_COMPATIBILITY", "FULL_TRANSITIVE");
        var registry = ChildProcess.start(
                "schema-registry", command, List.of(), environment, dir, dir.resolve("schema-registry.log"), run);
        var server = new SchemaRegistryServer(registry, port, settings);
        registry.awaitReady(settings.startupTimeout(), server::ready);
        log.info(
                "Schema registry started on {} in {} ms (pid {})",
                server.baseUrl(),
                (System.nanoTime() - started) / 1_000_000,
                registry.pid());
        return server;
    }

    private boolean ready() throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Apicurio's native v2 API: the URL the Apicurio serde is configured with. */
    public String apiUrl() {
        return baseUrl() + "/apis/registry/v2";
    }

    /** The Confluent Schema Registry compatible API. */
    public String ccompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    @Override
    public String name() {
        return "schema-registry";
    }

    @Override
    public String endpoint() {
        return apiUrl() + " (Confluent API: " + ccompatUrl() + ")";
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.stop(settings.stopGrace());
    }
}
