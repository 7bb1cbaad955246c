package io.ordersaga.messaging.relay;

import io.ordersaga.infra.harness.spring.HarnessContextInitializer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The smallest publishing service: a table of its own ({@code probe_orders}), a transactional method
 * that changes it and appends an {@link io.ordersaga.events.order.OrderPlaced} ({@link ProbeOrders}),
 * and the messaging library's outbox and relay, configured as a real service would configure them.
 */
@SpringBootApplication
public class ProbeApplication {

    /** Entry point of the probe when it runs as a process of its own (the process-kill test). */
    public static void main(String[] args) {
        SpringApplication.run(ProbeApplication.class, args);
    }

    /**
     * Starts the probe in this JVM against the harness's servers, with its own database, service name
     * (replication slot, relay lock) and aggregate type (topic {@code <aggregateType>.events}).
     */
    static ConfigurableApplicationContext start(
            String database, String serviceName, String aggregateType, String... extraProperties) {
        return new SpringApplicationBuilder(ProbeApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new HarnessContextInitializer())
                .run(arguments(serviceName, aggregateType, concat("--harness.database=" + database, extraProperties)));
    }

    private static String[] concat(String first, String... rest) {
        var all = new ArrayList<String>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** The command-line properties of a probe: what a service puts in its application.yml. */
    static String[] arguments(String serviceName, String aggregateType, String... extraProperties) {
        List<String> arguments = new ArrayList<>(List.of(
                "--messaging.service-name=" + serviceName,
                "--messaging.outbox.aggregate-type=" + aggregateType,
                "--spring.flyway.locations=classpath:db/relay-probe",
                // The library keeps its own migration history; the service's Flyway baselines beside it.
                "--spring.flyway.baseline-on-migrate=true",
                "--spring.flyway.baseline-version=0",
                "--spring.main.banner-mode=off",
                "--management.endpoint.health.show-details=always"));
        arguments.addAll(List.of(extraProperties));
        return arguments.toArray(String[]::new);
    }
}
