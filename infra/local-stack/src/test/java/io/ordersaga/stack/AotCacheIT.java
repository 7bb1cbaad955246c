package io.ordersaga.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache with a real service jar and real JVMs: recorded by one run of the order service, used
 * by the next (which the JVM refuses with {@code -XX:AOTMode=on} unless it can map the cache), and set
 * aside once the jar is rebuilt. The service has no database here: it fails to start either way, after
 * loading the thousands of classes the cache is about, and the JVM writes the cache as it exits.
 */
@EnabledForJreRange(min = JRE.JAVA_25, disabledReason = "the AOT cache's options arrived in JDK 25")
class AotCacheIT {

    private static final String SERVICE = "order-service";
    // Port 1 refuses at once: the service fails fast for want of its database.
    private static final String NO_DATABASE = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/orders";

    @TempDir
    Path build;

    @TempDir
    Path directory;

    private Path jar;

    @BeforeEach
    void copyTheServiceJar() throws IOException {
        var settings = StackSettings.demo(
                Path.of(System.getProperty("stack.project-root")), System.getProperty("stack.version"));
        // A copy: the test rebuilds it (changes a byte of it) without touching the build's jar.
        jar = Files.copy(
                settings.jarOf(SERVICE), build.resolve(settings.jarOf(SERVICE).getFileName()));
    }

    @Test
    void aServiceRunsWithTheCacheItRecordedUntilItsJarIsRebuilt() throws Exception {
        var recording = new AotCache(AotCache.Mode.RECORD, directory).launchOf(SERVICE, jar);
        Path cache = directory.resolve(SERVICE).resolve(SERVICE + ".aot");
        assertThat(recording.jar())
                .isEqualTo(directory.resolve(SERVICE).resolve(jar.getFileName()))
                .isRegularFile();
        assertThat(directory.resolve(SERVICE).resolve("lib")).isDirectoryContaining("glob:**/spring-core-*.jar");
        assertThat(directory.resolve(SERVICE + "-extract.log"))
                .as("the tool's output, kept on failure only")
                .doesNotExist();
        assertThat(recording.jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + cache);
        assertThat(recording.stopGrace()).contains(AotCache.RECORDING_STOP_GRACE);

        String recorded = run(recording, List.of());
        assertThat(cache)
                .as("written at the JVM's exit; its output:%n%s", recorded)
                .isNotEmptyFile();

        var using = new AotCache(AotCache.Mode.USE, directory).launchOf(SERVICE, jar);
        assertThat(using.jar()).isEqualTo(recording.jar());
        assertThat(using.jvmOptions()).containsExactly("-XX:AOTCache=" + cache);
        assertThat(using.stopGrace()).isEmpty();
        String used = run(using, List.of("-XX:AOTMode=on", "-Xlog:class+load=info"));
        List<String> fromTheCache = used.lines()
                .filter(line -> line.endsWith(" source: shared objects file"))
                .map(line -> line.substring(line.indexOf("] ") + 2, line.indexOf(" source:")))
                .toList();
        assertThat(fromTheCache)
                .as("the service's classes and its libraries' come from the cache, not from their jars")
                .contains("io.ordersaga.order.OrderServiceApplication", "org.springframework.boot.SpringApplication")
                .hasSizeGreaterThan(5_000);

        rebuild(jar);
        var afterRebuild = new AotCache(AotCache.Mode.USE, directory).launchOf(SERVICE, jar);
        assertThat(afterRebuild.jar()).as("a stale cache is not used").isEqualTo(jar);
        assertThat(afterRebuild.jvmOptions()).isEmpty();
    }

    @Test
    void withoutARecordedCacheOrWithTheCacheOffAServiceRunsFromItsJar() {
        for (var mode : List.of(AotCache.Mode.USE, AotCache.Mode.OFF)) {
            var launch = new AotCache(mode, directory).launchOf(SERVICE, jar);
            assertThat(launch.jar()).as(mode.name()).isEqualTo(jar);
            assertThat(launch.jvmOptions()).as(mode.name()).isEmpty();
        }
    }

    /** The service's JVM as the stack starts it, until it exits (it fails without its database); its output. */
    private String run(AotCache.Launch launch, List<String> extraOptions) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx320m");
        command.add("-XX:+UseSerialGC");
        command.addAll(launch.jvmOptions());
        command.addAll(extraOptions);
        command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=0", NO_DATABASE));
        Path output = Files.createTempFile(build, "jvm", ".log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "the service did not exit within 5 minutes:%n%s".formatted(Files.readString(output)));
        }
        return Files.readString(output);
    }

    /** What a rebuild does to the jar as far as the cache can tell: other bytes, the same fixed timestamp. */
    private static void rebuild(Path jar) throws IOException {
        FileTime time = Files.getLastModifiedTime(jar);
        Files.write(jar, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(jar, time);
    }
}
