package io.ordersaga.stack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The running launcher's pid in {@code target/local-stack/launcher.pid}: how {@code stop} finds it
 * and how {@code start} refuses a second stack on the same ports. A pid left by a killed launcher
 * is recognised as stale (no such process, or not a stack launcher) and ignored. Beside it,
 * {@value #CONNECTIONS} tells other tools where the running stack's services and servers are.
 */
final class StackState {

    private final Path pidFile;
    private final Path connections;

    StackState(Path directory) {
        this.pidFile = directory.resolve("launcher.pid");
        this.connections = directory.resolve(CONNECTIONS);
    }

    /** The running stack's addresses, for tools such as the load test; deleted when it stops. */
    static final String CONNECTIONS = "stack.properties";

    OptionalLong runningLauncher() {
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            boolean isLauncher = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().commandLine())
                    .filter(commandLine ->
                            commandLine.contains(StackCli.class.getName()) || commandLine.contains("infra-local-stack"))
                    .isPresent();
            return isLauncher ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    void record(long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile, e);
        }
    }

    void recordConnections(java.util.Map<String, String> addresses) {
        var properties = new java.util.Properties();
        properties.putAll(addresses);
        // Written aside and moved into place: tools wait for the file to appear, then read it at once,
        // and must never see it half written.
        Path written = connections.resolveSibling(CONNECTIONS + ".tmp");
        try {
            try (var out = Files.newBufferedWriter(written)) {
                properties.store(out, "The running local stack (bin/stack); deleted when it stops");
            }
            Files.move(written, connections, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + connections, e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(connections);
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pidFile, e);
        }
    }
}
