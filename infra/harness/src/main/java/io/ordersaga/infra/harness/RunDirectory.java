package io.ordersaga.infra.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directory one harness run (one JVM) keeps its servers' data, configuration, logs and pid
 * files in: {@code <root>/run-<pid>-<millis>}. The owner file names the JVM that owns the run so
 * that a later run can tell a live run from the remains of a killed one ({@link StaleRunReaper}).
 */
public final class RunDirectory {

    static final String OWNER_FILE = "owner";
    static final String PID_SUFFIX = ".pid";

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** Reaps what killed runs left under {@code root}, then creates this JVM's run directory. */
    static RunDirectory create(Path root) {
        try {
            Files.createDirectories(root);
            openForUnprivilegedServers(root);
            new StaleRunReaper(root).reap();
            var self = ProcessHandle.current();
            var path = root.resolve("run-" + self.pid() + "-" + System.currentTimeMillis());
            Files.createDirectories(path);
            openForUnprivilegedServers(path);
            Files.writeString(path.resolve(OWNER_FILE), ownerLine(self));
            return new RunDirectory(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the harness run directory under " + root, e);
        }
    }

    static String ownerLine(ProcessHandle process) {
        var started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return process.pid() + " " + started;
    }

    public Path path() {
        return path;
    }

    /** A directory of the run for one server, created if missing. */
    Path directory(String name) {
        try {
            var dir = path.resolve(name);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records a process the run started, so a later run can reap it if this JVM is killed. */
    void registerProcess(String name, long pid) {
        try {
            Files.writeString(path.resolve(name + PID_SUFFIX), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
        deleteRecursively(path);
    }

    /** Deletes {@code dir} and everything under it, if it exists; what cannot be deleted is left. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Elasticsearch runs as an unprivileged user when the harness runs as root: it must reach its dirs. */
    private static void openForUnprivilegedServers(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not POSIX, or not ours (a shared /tmp root made by another user): nothing to open up.
        }
    }
}
