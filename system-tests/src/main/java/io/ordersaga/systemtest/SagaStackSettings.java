package io.ordersaga.systemtest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the {@link SagaStack} is started.
 *
 * @param projectRoot the reactor's root: each service's jar is {@code <root>/<service>/target/<service>-<version>.jar}
 * @param version the project version in the jars' names
 * @param sagaDeadline the order service's {@code orders.deadline.timeout}: long enough that a burst of
 *     200 concurrent orders on a busy 2-core machine never hits it (at 10 s, a fifth of them did), which
 *     is what the deadline test waits for
 * @param serviceHeap each service JVM's maximum heap
 * @param startupTimeout how long a service may take to report UP
 */
public record SagaStackSettings(
        Path projectRoot, String version, Duration sagaDeadline, String serviceHeap, Duration startupTimeout) {

    /**
     * From the system properties {@code saga.project-root} and {@code saga.version} (set by the
     * module's failsafe configuration), {@code saga.deadline} (default PT30S, the service's own default), {@code saga.service-heap}
     * (default 320m) and {@code saga.startup-timeout} (default PT180S).
     */
    public static SagaStackSettings fromSystemProperties() {
        return new SagaStackSettings(
                Path.of(System.getProperty("saga.project-root", ".."))
                        .toAbsolutePath()
                        .normalize(),
                System.getProperty("saga.version", "0.1.0-SNAPSHOT"),
                Duration.parse(System.getProperty("saga.deadline", "PT30S")),
                System.getProperty("saga.service-heap", "320m"),
                Duration.parse(System.getProperty("saga.startup-timeout", "PT180S")));
    }
}
