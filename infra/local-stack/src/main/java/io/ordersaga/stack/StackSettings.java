package io.ordersaga.stack;

import io.ordersaga.infra.harness.HarnessSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link LocalStack} is started.
 *
 * @param projectRoot the reactor's root: each service's jar is {@code <root>/<service>/target/<service>-<version>.jar}
 * @param version the project version in the jars' names
 * @param services the services to start, by name, in {@link StackDefinition} order
 * @param fixedPorts each service on its {@link StackService#port()} (the demo), or on a free port (tests)
 * @param serviceHeap each service JVM's maximum heap
 * @param startupTimeout how long a service may take to report UP
 * @param logDirectory where each service writes {@code <service>.log}; empty keeps the logs in the
 *     harness's run directory, deleted when the stack stops
 * @param serviceProperties extra Spring properties per service name (e.g. a shorter saga deadline)
 * @param extraJvmOptions JVM options added to every service's command line after the defaults (a later
 *     option wins), e.g. {@code -XX:StartFlightRecording} to profile a run, or {@code
 *     -XX:TieredStopAtLevel=1} for a stack that lives for seconds (see {@link #JVM_OPTIONS_SETTING})
 * @param aotCache whether the services record or use the JDK's AOT cache ({@link AotCache#off()} by default)
 * @param partitions partitions per saga topic: the launcher creates the topics with it and tells every
 *     service ({@code messaging.relay.partitions}, {@code messaging.consumer.partitions}), so no
 *     service's topic declaration adds partitions at its start ({@link #DEFAULT_PARTITIONS} by default)
 */
public record StackSettings(
        Path projectRoot,
        String version,
        List<String> services,
        boolean fixedPorts,
        String serviceHeap,
        Duration startupTimeout,
        Optional<Path> logDirectory,
        Map<String, Map<String, String>> serviceProperties,
        List<String> extraJvmOptions,
        AotCache aotCache,
        int partitions) {

    /**
     * The setting ({@code -Dstack.service-jvm-options}, or the environment variable {@code
     * STACK_SERVICE_JVM_OPTIONS}) whose space-separated options {@link #withJvmOptionsFromSetting()}
     * adds. The build's integration tests set it to {@code -XX:TieredStopAtLevel=1} (the root pom's
     * failsafe configuration): their stacks live for seconds, too short for the optimizing compiler
     * to pay for its compilations, which the demo and the load test need (docs/performance.md).
     */
    public static final String JVM_OPTIONS_SETTING = "stack.service-jvm-options";

    /**
     * The setting ({@code -Dstack.partitions}, or {@code STACK_PARTITIONS}) that {@link
     * #withPartitionsFromSetting()} reads: the saga topics' partitions, {@link #DEFAULT_PARTITIONS}
     * when unset.
     */
    public static final String PARTITIONS_SETTING = "stack.partitions";

    /**
     * The local stack's partitions per saga topic: fewer than the spec's default of twelve (the
     * services' own default, and docker compose's), because this stack has one broker and one
     * consumer thread per group (two for the search projection), so partitions beyond that add no
     * parallelism. On two cores two saturation runs with twelve sustained 120 and 130 orders/s, two
     * with three 150 and 160, Kafka costing a quarter to a third less per order (docs/performance.md,
     * the twentieth round). A deployment that scales out by consumers wants more, chosen up front: a
     * keyed topic's new partitions move keys.
     */
    public static final int DEFAULT_PARTITIONS = 3;

    public StackSettings {
        extraJvmOptions = List.copyOf(extraJvmOptions);
        projectRoot = projectRoot.toAbsolutePath().normalize();
        services = List.copyOf(services);
        services.forEach(StackDefinition::service);
        serviceProperties = Map.copyOf(serviceProperties);
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, not " + partitions);
        }
    }

    /** All six services on their fixed ports, logs kept under {@code <root>/target/local-stack/logs}. */
    public static StackSettings demo(Path projectRoot, String version) {
        return new StackSettings(
                projectRoot,
                version,
                StackDefinition.serviceNames(),
                true,
                "320m",
                Duration.ofSeconds(180),
                Optional.of(projectRoot.resolve("target/local-stack/logs")),
                Map.of(),
                List.of(),
                AotCache.off(),
                DEFAULT_PARTITIONS);
    }

    public StackSettings withServices(List<String> names) {
        return new StackSettings(
                projectRoot,
                version,
                names,
                fixedPorts,
                serviceHeap,
                startupTimeout,
                logDirectory,
                serviceProperties,
                extraJvmOptions,
                aotCache,
                partitions);
    }

    public StackSettings withRandomPorts() {
        return new StackSettings(
                projectRoot,
                version,
                services,
                false,
                serviceHeap,
                startupTimeout,
                logDirectory,
                serviceProperties,
                extraJvmOptions,
                aotCache,
                partitions);
    }

    public StackSettings withServiceHeap(String heap) {
        return new StackSettings(
                projectRoot,
                version,
                services,
                fixedPorts,
                heap,
                startupTimeout,
                logDirectory,
                serviceProperties,
                extraJvmOptions,
                aotCache,
                partitions);
    }

    public StackSettings withStartupTimeout(Duration timeout) {
        return new StackSettings(
                projectRoot,
                version,
                services,
                fixedPorts,
                serviceHeap,
                timeout,
                logDirectory,
                serviceProperties,
                extraJvmOptions,
                aotCache,
                partitions);
    }

    public StackSettings withLogDirectory(Optional<Path> directory) {
        return new StackSettings(
                projectRoot,
                version,
                services,
                fixedPorts,
                serviceHeap,
                startupTimeout,
                directory,
                serviceProperties,
                extraJvmOptions,
                aotCache,
                partitions);
    }

    public StackSettings withServiceProperties(Map<String, Map<String, String>> properties) {
        return new StackSettings(
                projectRoot,
                version,
                services,
                fixedPorts,
                serviceHeap,
                startupTimeout,
                logDirectory,
                properties,
                extraJvmOptions,
                aotCache,
                partitions);
    }

    public StackSettings withExtraJvmOptions(List<String> options) {
        return new StackSettings(
                projectRoot,
                version,
                services,
                fixedPorts,
                serviceHeap,
                startupTimeout,
                logDirectory,
                serviceProperties,
                options,
                aotCache,
                partitions);
    }

    public StackSettings withAotCache(AotCache cache) {
        return new StackSettings(
                projectRoot,
                version,
                services,
                fixedPorts,
                serviceHeap,
                startupTimeout,
                logDirectory,
                serviceProperties,
                extraJvmOptions,
                cache,
                partitions);
    }

    public StackSettings withPartitions(int count) {
        return new StackSettings(
                projectRoot,
                version,
                services,
                fixedPorts,
                serviceHeap,
                startupTimeout,
                logDirectory,
                serviceProperties,
                extraJvmOptions,
                aotCache,
                count);
    }

    /** These settings with the partitions of {@link #PARTITIONS_SETTING}, if it is set. */
    public StackSettings withPartitionsFromSetting() {
        String count = HarnessSettings.setting(PARTITIONS_SETTING, "");
        if (count.isBlank()) {
            return this;
        }
        try {
            return withPartitions(Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PARTITIONS_SETTING + " must be a whole number, not '" + count + "'", e);
        }
    }

    /** These settings with the options of {@link #JVM_OPTIONS_SETTING} added, if it is set. */
    public StackSettings withJvmOptionsFromSetting() {
        String options = HarnessSettings.setting(JVM_OPTIONS_SETTING, "");
        if (options.isBlank()) {
            return this;
        }
        var combined = new ArrayList<>(extraJvmOptions);
        combined.addAll(List.of(options.trim().split("\\s+")));
        return withExtraJvmOptions(combined);
    }

    /** The executable jar of {@code service}. */
    public Path jarOf(String service) {
        return projectRoot.resolve(service).resolve("target").resolve(service + "-" + version + ".jar");
    }
}
