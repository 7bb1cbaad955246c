package io.ordersaga.infra.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after harness runs whose JVM died without stopping its servers (kill -9, a crashed
 * test fork): stops every process such a run registered and deletes its directory. A process is
 * only killed when its command line still names the dead run's directory, so a recycled pid is
 * never hit.
 */
final class StaleRunReaper {

    private static final Logger log = LoggerFactory.getLogger(StaleRunReaper.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Path root;

    StaleRunReaper(Path root) {
        this.root = root;
    }

    /** Returns how many stale runs were reaped. */
    int reap() {
        List<Path> runs;
        try (Stream<Path> children = Files.list(root)) {
            runs = children.filter(p -> p.getFileName().toString().startsWith("run-"))
                    .toList();
        } catch (IOException e) {
            return 0;
        }
        int reaped = 0;
        for (Path run : runs) {
            if (!ownerAlive(run)) {
                reapRun(run);
                reaped++;
            }
        }
        return reaped;
    }

    private static boolean ownerAlive(Path run) {
        try {
            String[] owner = Files.readString(run.resolve(RunDirectory.OWNER_FILE))
                    .trim()
                    .split(" ");
            long pid = Long.parseLong(owner[0]);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(p -> RunDirectory.ownerLine(p).equals(String.join(" ", owner)))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            // No readable owner file: a run being created right now, or garbage. Leave young ones alone.
            return isYoung(run);
        }
    }

    private static boolean isYoung(Path run) {
        try {
            var modified = Files.getLastModifiedTime(run).toInstant();
            return modified.isAfter(java.time.Instant.now().minusSeconds(60));
        } catch (IOException e) {
            return false;
        }
    }

    private void reapRun(Path run) {
        log.info("Reaping stale harness run {}", run);
        try (Stream<Path> files = Files.list(run)) {
            files.filter(p -> p.getFileName().toString().endsWith(RunDirectory.PID_SUFFIX))
                    .forEach(pidFile -> stopIfStillOurs(pidFile, run));
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", run, e.toString());
        }
        RunDirectory.deleteRecursively(run);
    }

    private static void stopIfStillOurs(Path pidFile, Path run) {
        readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info()
                        .commandLine()
                        .map(cl -> cl.contains(run.toString()))
                        .orElse(false))
                .ifPresent(p -> {
                    log.info("Stopping orphaned {} (pid {})", pidFile.getFileName(), p.pid());
                    ProcessTree.stop(p, GRACE);
                });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
