package io.ordersaga.infra.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch 8.19 from the integ-test distribution zip on Maven Central: single node, loopback,
 * security off. That distribution has no painless and no analysis-common module, so the read model
 * uses no scripts and the standard analyzer. Elasticsearch refuses to run as root: when the harness
 * is root, the server runs as {@code nobody} and its per-run directories are handed to that user.
 */
public final class ElasticsearchServer implements ManagedServer {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchServer.class);
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final String UNPRIVILEGED_GROUP = "nogroup";

    private final ChildProcess launcher;
    private final Path serverPidFile;
    private final int httpPort;
    private final HarnessSettings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ElasticsearchServer(ChildProcess launcher, Path serverPidFile, int httpPort, HarnessSettings settings) {
        this.launcher = launcher;
        this.serverPidFile = serverPidFile;
        this.httpPort = httpPort;
        this.settings = settings;
    }

    static ElasticsearchServer start(RunDirectory run, HarnessSettings settings, Distributions distributions) {
        long started = System.nanoTime();
        Path home = unpackedHome(settings.root(), distributions);
        Path dir = run.directory("elasticsearch");
        Path config = dir.resolve("config");
        Path pidFile = dir.resolve("server.pid");
        int httpPort = Ports.freePort();
        int transportPort = Ports.freePort();
        try {
            copyTree(home.resolve("config"), config);
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("logs"));
            Files.createDirectories(dir.resolve("tmp"));
            Files.writeString(config.resolve("elasticsearch.yml"), """
                    cluster.name: order-saga
                    node.name: harness
                    discovery.type: single-node
                    network.host: 127.0.0.1
                    http.port: %d
                    transport.port: %d
                    path.data: %s
                    path.logs: %s
                    xpack.security.enabled: false
                    # A nearly full disk must not turn the test index read-only.
                    cluster.routing.allocation.disk.threshold_enabled: false
                    """.formatted(
                            httpPort, transportPort, dir.resolve("data"), dir.resolve("logs")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        List<String> setprivOptions = new ArrayList<>();
        if (isRoot()) {
            chown(dir, UNPRIVILEGED_USER + ":" + UNPRIVILEGED_GROUP);
            setprivOptions.addAll(
                    List.of("--reuid=" + UNPRIVILEGED_USER, "--regid=" + UNPRIVILEGED_GROUP, "--clear-groups"));
        }
        var launcher = ChildProcess.start(
                "elasticsearch",
                List.of(home.resolve("bin/elasticsearch").toString(), "-p", pidFile.toString()),
                setprivOptions,
                Map.of(
                        "ES_JAVA_HOME", System.getProperty("java.home"),
                        "ES_PATH_CONF", config.toString(),
                        "ES_TMPDIR", dir.resolve("tmp").toString(),
                        "ES_JAVA_OPTS", "-Xms%1$s -Xmx%1$s".formatted(settings.elasticsearchHeap())),
                dir,
                dir.resolve("elasticsearch.log"),
                run);
        var server = new ElasticsearchServer(launcher, pidFile, httpPort, settings);
        launcher.awaitReady(settings.startupTimeout(), server::clusterHealthy);
        server.serverPid().ifPresent(pid -> run.registerProcess("elasticsearch-server", pid));
        log.info(
                "Elasticsearch started on {} in {} ms (pid {})",
                server.httpUrl(),
                (System.nanoTime() - started) / 1_000_000,
                server.serverPid().orElse(launcher.pid()));
        return server;
    }

    private boolean clusterHealthy() throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(httpUrl() + "/_cluster/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
    }

    private java.util.Optional<Long> serverPid() {
        try {
            return java.util.Optional.of(
                    Long.parseLong(Files.readString(serverPidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The distribution is unpacked once per version into the harness root and shared by runs: it is
     * only read (configuration, data and logs live in each run's directory).
     */
    private static Path unpackedHome(Path root, Distributions distributions) {
        String name = "elasticsearch-" + distributions.elasticsearchVersion();
        Path home = root.resolve("dist").resolve(name);
        if (Files.exists(home.resolve(".unpacked"))) {
            return home;
        }
        Path zip = Distributions.require(distributions.elasticsearchZip(), "Elasticsearch distribution");
        try {
            Path staging = Files.createTempDirectory(root, name + "-unpacking-");
            try (var archive = new ZipFile(zip.toFile())) {
                var entries = archive.entries();
                while (entries.hasMoreElements()) {
                    var entry = entries.nextElement();
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("zip entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = archive.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Path unpacked = staging.resolve(name);
            try (Stream<Path> scripts = Files.list(unpacked.resolve("bin"))) {
                scripts.forEach(script -> script.toFile().setExecutable(true, false));
            }
            try (Stream<Path> all = Files.walk(unpacked)) {
                all.forEach(p -> p.toFile().setReadable(true, false));
            }
            Files.createFile(unpacked.resolve(".unpacked"));
            Files.createDirectories(home.getParent());
            try {
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(home.resolve(".unpacked"))) {
                    throw raced;
                }
            }
            RunDirectory.deleteRecursively(staging);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void chown(Path dir, String owner) {
        try {
            Process chown = new ProcessBuilder("chown", "-R", owner, dir.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(chown.getInputStream().readAllBytes());
            if (chown.waitFor() != 0) {
                throw new ServerStartException("chown " + owner + " " + dir + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted");
        }
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public String endpoint() {
        return httpUrl();
    }

    @Override
    public boolean isRunning() {
        return launcher.isAlive();
    }

    /** SIGTERM to the server JVM (the launcher then exits by itself), then the launcher's tree. */
    @Override
    public void close() {
        serverPid().flatMap(ProcessHandle::of).ifPresent(server -> ProcessTree.stop(server, settings.stopGrace()));
        launcher.stop(settings.stopGrace());
    }
}
