package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness leaves nothing running: neither after a normal stop nor after its JVM is killed. */
class HarnessLifecycleIT {

    @TempDir
    Path root;

    @Test
    void stopsEveryProcessItStartedAndDeletesItsRunDirectory() throws IOException {
        var infrastructure = Infrastructure.create(settingsWithRoot(root));
        infrastructure.postgres();
        infrastructure.kafka();
        Path run = infrastructure.runDirectory().path();
        // PostgreSQL's postmaster and the Kafka broker (the storage-format tool has already exited).
        List<Long> pids =
                registeredPids(run).stream().filter(HarnessLifecycleIT::alive).toList();
        assertThat(pids).hasSize(2);

        infrastructure.close();

        assertThat(pids).noneMatch(HarnessLifecycleIT::alive);
        assertThat(run).doesNotExist();
    }

    @Test
    void reapsTheServersOfARunWhoseJvmWasKilled() throws Exception {
        Path output = root.resolve("cli.out");
        Process cli = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dharness.root=" + root,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.ordersaga.infra.harness.cli.HarnessCli",
                        "start",
                        "postgres",
                        "kafka")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(output).contains("Press Ctrl-C"));
        } finally {
            cli.destroyForcibly().waitFor();
        }
        Path deadRun = onlyRun(root);
        List<Long> orphans = registeredPids(deadRun);
        assertThat(orphans).isNotEmpty();

        // PostgreSQL is daemonized by pg_ctl, so it outlives the killed JVM until a reaper stops it.
        Infrastructure.create(settingsWithRoot(root)).close();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(orphans).noneMatch(HarnessLifecycleIT::alive));
        assertThat(deadRun).doesNotExist();
    }

    @Test
    void reportsTheTailOfTheServersLogWhenItCannotStart() {
        try (var infrastructure = Infrastructure.create(settingsWithRoot(root, "not-a-heap-size"))) {
            assertThatThrownBy(infrastructure::kafka)
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("failed with exit code")
                    .hasMessageContaining("--- last")
                    .hasMessageContaining("not-a-heap-size");
        }
    }

    private static HarnessSettings settingsWithRoot(Path root) {
        return settingsWithRoot(root, HarnessSettings.fromEnvironment().kafkaHeap());
    }

    private static HarnessSettings settingsWithRoot(Path root, String kafkaHeap) {
        var defaults = HarnessSettings.fromEnvironment();
        return new HarnessSettings(
                root,
                List.of("orders"),
                defaults.postgresSynchronousCommit(),
                defaults.postgresConfig(),
                defaults.postgresServicesOverSocket(),
                defaults.postgresServerPerDatabase(),
                defaults.kafkaPartitions(),
                kafkaHeap,
                defaults.registryHeap(),
                defaults.elasticsearchHeap(),
                defaults.startupTimeout(),
                defaults.stopGrace());
    }

    private static Path onlyRun(Path root) throws IOException {
        try (Stream<Path> runs = Files.list(root)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("run-"))
                    .reduce((a, b) -> {
                        throw new AssertionError("more than one run in " + root);
                    })
                    .orElseThrow();
        }
    }

    private static List<Long> registeredPids(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(p -> p.getFileName().toString().endsWith(RunDirectory.PID_SUFFIX))
                    .map(p -> {
                        try {
                            return Long.parseLong(Files.readString(p).trim());
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
