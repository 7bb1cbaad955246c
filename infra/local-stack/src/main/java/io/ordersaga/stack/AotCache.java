package io.ordersaga.stack;

import io.ordersaga.infra.harness.RunDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's ahead-of-time cache for the service JVMs (JDK 25: JEP 483, 514 and 515). A service run
 * once with {@link Mode#RECORD} writes, when it stops, the classes it loaded and linked and the
 * profiles of the methods it ran; started with {@link Mode#USE}, it maps those classes instead of
 * loading them and hands the profiles to the optimizing compiler, which compiles the hot methods sooner.
 * The stack's warm-up is the gain (docs/performance.md), not the steady state.
 *
 * <p>The cache holds classes from the class path, not from the jars nested in an executable jar, so a
 * service with a cache runs from its jar extracted by Spring Boot's tools ({@code java
 * -Djarmode=tools -jar <service>.jar extract}): {@code <directory>/<service>/<service>-<version>.jar}
 * with its {@code lib/}. The cache, {@code <service>.aot}, sits beside them; a file notes the digest of
 * the jar it was extracted from, and a rebuilt jar makes the extraction and its cache stale:
 * {@link Mode#USE} then starts the service from its jar as without a cache, and the next recording
 * extracts it again.
 *
 * @param mode what the services do with the cache
 * @param directory where the extracted jars and the caches live, one directory per service
 */
public record AotCache(Mode mode, Path directory) {

    /** What the stack's services do with their caches. */
    public enum Mode {
        /** No cache: each service runs from its executable jar. */
        OFF,
        /** A service whose cache is up to date runs with it; the others run without one. */
        USE,
        /** Each service runs from a fresh extraction of its jar and writes its cache when it stops. */
        RECORD
    }

    /**
     * How long a recording JVM may take to stop: after its graceful shutdown it starts a second JVM
     * that assembles the cache (seconds for one service; the six share the cores as they stop together).
     */
    static final Duration RECORDING_STOP_GRACE = Duration.ofMinutes(4);

    /** The first JDK with the AOT cache's options ({@code -XX:AOTCache}, {@code -XX:AOTCacheOutput}). */
    static final int FIRST_JDK = 25;

    private static final Logger log = LoggerFactory.getLogger(AotCache.class);
    private static final String SOURCE_FILE = "extracted-from.properties";

    public AotCache {
        directory = directory.toAbsolutePath().normalize();
    }

    public static AotCache off() {
        return new AotCache(Mode.OFF, Path.of("."));
    }

    /**
     * How {@code service} is started: from {@code jar}, or from its extraction with the cache's options.
     * In {@link Mode#RECORD} this extracts the jar anew (a second or two per service).
     *
     * @throws IllegalStateException when recording on a JDK older than {@value #FIRST_JDK}
     */
    public Launch launchOf(String service, Path jar) {
        int jdk = Runtime.version().feature();
        return switch (mode) {
            case OFF -> Launch.of(jar);
            case USE -> {
                if (jdk < FIRST_JDK) {
                    yield Launch.of(jar);
                }
                yield cached(service, jar);
            }
            case RECORD -> {
                if (jdk < FIRST_JDK) {
                    throw new IllegalStateException("recording an AOT cache needs JDK " + FIRST_JDK
                            + " or newer; the services run on JDK " + jdk + " (" + System.getProperty("java.home")
                            + ")");
                }
                yield recording(service, jar);
            }
        };
    }

    private Launch cached(String service, Path jar) {
        Path cache = cacheOf(service);
        if (!Files.isRegularFile(cache)) {
            log.debug("{}: no AOT cache at {}", service, cache);
            return Launch.of(jar);
        }
        if (!extractedFrom(service, jar)) {
            log.warn(
                    "{}: its AOT cache was recorded with another build of its jar and is not used (record it"
                            + " again: bin/stack start --record-aot-cache)",
                    service);
            return Launch.of(jar);
        }
        log.info("{}: runs with the AOT cache {}", service, cache);
        return new Launch(extractedJar(service, jar), List.of("-XX:AOTCache=" + cache), Optional.empty());
    }

    private Launch recording(String service, Path jar) {
        extract(service, jar);
        Path cache = cacheOf(service);
        log.info("{}: records its AOT cache, written to {} when it stops", service, cache);
        return new Launch(
                extractedJar(service, jar), List.of("-XX:AOTCacheOutput=" + cache), Optional.of(RECORDING_STOP_GRACE));
    }

    /** {@code <directory>/<service>/<service>.aot}. */
    public Path cacheOf(String service) {
        return serviceDirectory(service).resolve(service + ".aot");
    }

    private Path serviceDirectory(String service) {
        return directory.resolve(service);
    }

    private Path extractedJar(String service, Path jar) {
        return serviceDirectory(service).resolve(jar.getFileName());
    }

    private boolean extractedFrom(String service, Path jar) {
        Path source = serviceDirectory(service).resolve(SOURCE_FILE);
        if (!Files.isRegularFile(source) || !Files.isRegularFile(extractedJar(service, jar))) {
            return false;
        }
        try (var in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            var recorded = new Properties();
            recorded.load(in);
            return fingerprint(jar).equals(recorded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private void extract(String service, Path jar) {
        Path target = serviceDirectory(service);
        try {
            // Whatever could not be deleted makes the tool refuse, below, with its own message.
            RunDirectory.deleteRecursively(target);
            Files.createDirectories(target);
            var command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools",
                    "-jar",
                    jar.toString(),
                    "extract",
                    "--destination",
                    target.toString());
            // Beside the destination: the tool extracts into an empty directory only.
            Path output = directory.resolve(service + "-extract.log");
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("extracting " + jar + " took more than 2 minutes");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(extractedJar(service, jar))) {
                throw new IllegalStateException("cannot extract " + jar + " (exit code " + process.exitValue() + "): "
                        + Files.readString(output));
            }
            try (var out = Files.newBufferedWriter(target.resolve(SOURCE_FILE), StandardCharsets.UTF_8)) {
                fingerprint(jar)
                        .store(
                                out,
                                "the jar " + service + " was extracted from; a different one makes the"
                                        + " extraction and its AOT cache stale");
            }
            Files.delete(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + jar + " to " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
    }

    /** The jar's path and digest: a reproducible build gives every jar the same timestamp, so not its time. */
    private static Properties fingerprint(Path jar) throws IOException {
        var fingerprint = new Properties();
        fingerprint.setProperty("jar", jar.toAbsolutePath().normalize().toString());
        try (var in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            fingerprint.setProperty(
                    "sha256", HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        return fingerprint;
    }

    /**
     * How one service is started.
     *
     * @param jar the jar to run: the executable jar, or its extraction
     * @param jvmOptions the cache's options, none without a cache
     * @param stopGrace how long the JVM may take to stop before it is killed, when longer than the
     *     harness's default
     */
    public record Launch(Path jar, List<String> jvmOptions, Optional<Duration> stopGrace) {

        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
        }

        static Launch of(Path jar) {
            return new Launch(jar, List.of(), Optional.empty());
        }
    }
}
