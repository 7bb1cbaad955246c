package io.ordersaga.stack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The running launcher's pid in {@code target/local-stack/launcher.pid}: how {@code stop} finds it
 * and how {@code start} refuses a second stack on the same ports. A pid left by a killed launcher
 * is recognised as stale (no such process, or not a stack launcher) and ignored.
 */
final class StackState {

    private final Path pidFile;

    StackState(Path directory) {
        this.pidFile = directory.resolve("launcher.pid");
    }

    OptionalLong runningLauncher() {
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            boolean isLauncher = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().commandLine())
                    .filter(commandLine -> commandLine.contains(StackCli.class.getName())
                            || commandLine.contains("infra-local-stack"))
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

    void clear() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pidFile, e);
        }
    }
}
