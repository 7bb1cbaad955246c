package io.ordersaga.infra.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.harness.HarnessSettings;
import io.ordersaga.infra.harness.testcontainers.TestcontainersSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Compose cannot run on the build machines, so the build checks what can go wrong in the file
 * without a daemon: ports, health checks and start order, databases, scraping and image versions.
 * {@code docker-compose config} (run by .ci/run) checks the syntax.
 */
class ComposeFileTest {

    /** The fixed ports of the services (the one-command local stack uses the same). */
    private static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "order-service", 8081,
            "inventory-service", 8082,
            "payment-service", 8083,
            "shipping-service", 8084,
            "notification-service", 8086,
            "search-projection-service", 8087);

    private static final List<String> SAGA_TOPICS =
            List.of("orders.events", "inventory.events", "payments.events", "shipments.events");

    private final Path directory = Path.of(System.getProperty("compose.directory", ".."));
    private final ComposeFile compose = ComposeFile.read(directory.resolve("docker-compose.yml"));

    @Test
    void startsEveryServiceOnItsFixedPortAndPublishesIt() {
        assertThat(compose.applicationServices().keySet()).isEqualTo(SERVICE_PORTS.keySet());
        SERVICE_PORTS.forEach((name, port) -> {
            var service = compose.service(name);
            assertThat(service.serverPort()).as(name).hasValue(port);
            assertThat(service.ports()).as(name).containsExactly(port + ":" + port);
        });
    }

    @Test
    void checksEachServiceThroughItsOwnReadinessProbe() {
        compose.applicationServices().forEach((name, service) -> assertThat(service.healthcheck())
                .as(name)
                .containsExactly(
                        "CMD",
                        "java",
                        "-Xmx16m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        "@/app/jib-classpath-file",
                        "io.ordersaga.web.HealthCheck",
                        "http://localhost:" + SERVICE_PORTS.get(name) + "/actuator/health/readiness"));
    }

    @Test
    void startsAServiceOnlyOnceEveryServerItIsConfiguredWithIsHealthy() {
        var hostNames = compose.services().keySet();
        compose.applicationServices().forEach((name, service) -> {
            Set<String> configuredHosts = service.environment().values().stream()
                    .flatMap(value -> hostNames.stream().filter(host -> mentionsHost(value, host)))
                    .collect(Collectors.toSet());
            assertThat(configuredHosts).as(name).isNotEmpty();
            configuredHosts.forEach(host -> assertThat(service.dependsOn())
                    .as(name + " waits for " + host)
                    .containsEntry(host, "service_healthy"));
            assertThat(service.dependsOn())
                    .as(name + " subscribes only once the saga topics exist")
                    .containsEntry("kafka-topics", "service_completed_successfully");
        });
    }

    @Test
    void waitsOnlyForServersThatReportTheirHealth() {
        compose.services().forEach((name, service) -> service.dependsOn().forEach((dependency, condition) -> {
            assertThat(condition)
                    .as(name + " -> " + dependency)
                    .isIn("service_healthy", "service_completed_successfully");
            if (condition.equals("service_healthy")) {
                assertThat(compose.service(dependency).hasHealthcheck())
                        .as(dependency + " has a health check")
                        .isTrue();
            }
        }));
    }

    @Test
    void configuresEveryServiceWithTheSamePropertyNamesAndServers() {
        var applicationServices = compose.applicationServices().values();
        applicationServices.forEach(service -> {
            assertThat(service.propertyNames())
                    .as(service.name())
                    .allMatch(key -> key.matches("[A-Z][A-Z0-9_]*"))
                    .contains("SERVER_PORT", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "MESSAGING_SCHEMA_REGISTRY_URL");
            if (service.sets("spring.datasource.url")) {
                assertThat(service.propertyNames())
                        .as(service.name())
                        .contains("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
            }
        });
        assertThat(applicationServices.stream()
                        .map(service -> service.environment().get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                        .distinct())
                .containsExactly("kafka:9092");
        assertThat(applicationServices.stream()
                        .map(service -> service.environment().get("MESSAGING_SCHEMA_REGISTRY_URL"))
                        .distinct())
                .containsExactly("http://schema-registry:8080/apis/registry/v2");
    }

    @Test
    void createsTheDatabasesTheHarnessCreatesEachOwnedByItsService() throws IOException {
        Map<String, String> owners = initScriptDatabaseOwners();
        var harnessDatabases = new HashSet<>(HarnessSettings.SERVICE_DATABASES);
        harnessDatabases.add(HarnessSettings.REGISTRY_DATABASE);
        assertThat(owners.keySet()).isEqualTo(harnessDatabases);

        compose.applicationServices().values().forEach(service -> service.database()
                .ifPresent(database -> {
                    assertThat(HarnessSettings.SERVICE_DATABASES)
                            .as(service.name())
                            .contains(database);
                    assertThat(service.environment())
                            .as(service.name())
                            .containsEntry("SPRING_DATASOURCE_USERNAME", owners.get(database))
                            .containsEntry("SPRING_DATASOURCE_PASSWORD", owners.get(database));
                }));
        assertThat(compose.applicationServices().values().stream()
                        .flatMap(service -> service.database().stream())
                        .distinct()
                        .count())
                .as("one database per service")
                .isEqualTo(compose.applicationServices().values().stream()
                        .filter(service -> service.database().isPresent())
                        .count());

        var registry = compose.service("schema-registry").environment();
        assertThat(registry.get("REGISTRY_DATASOURCE_URL")).endsWith("/" + HarnessSettings.REGISTRY_DATABASE);
        assertThat(registry)
                .containsEntry("REGISTRY_DATASOURCE_USERNAME", owners.get(HarnessSettings.REGISTRY_DATABASE))
                .containsEntry("REGISTRY_RULES_GLOBAL_COMPATIBILITY", "FULL_TRANSITIVE");
    }

    @Test
    void runsPostgresWithLogicalDecodingForTheOutboxRelays() throws IOException {
        String file = Files.readString(compose.file());
        assertThat(file).contains("- wal_level=logical");
        assertThat(Files.readString(initScript())).contains("host replication all all");
    }

    @Test
    void runsKafkaWithoutAutoCreatedTopicsAndCreatesTheSagaTopics() {
        var kafka = compose.service("kafka").environment();
        assertThat(kafka)
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_NUM_PARTITIONS", "12")
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        String topicsCommand = String.join("\n", commandOf("kafka-topics"));
        SAGA_TOPICS.forEach(topic -> assertThat(topicsCommand).contains(topic));
        assertThat(topicsCommand).contains("--partitions 12");
    }

    @Test
    void scrapesEveryServiceAtItsPrometheusEndpoint() throws IOException {
        Map<String, Map<String, Object>> jobs = prometheusJobs();
        SERVICE_PORTS.forEach((name, port) -> {
            assertThat(jobs).as("a scrape job for " + name).containsKey(name);
            var job = jobs.get(name);
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
            assertThat(job.get("static_configs").toString()).contains(name + ":" + port);
        });
    }

    @Test
    void provisionsGrafanaWithThePrometheusOfTheStack() throws IOException {
        String datasource = Files.readString(directory.resolve("grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasource).contains("type: prometheus").contains("url: http://prometheus:9090");
        assertThat(compose.service("grafana").dependsOn()).containsEntry("prometheus", "service_healthy");
    }

    @Test
    void runsTheServerVersionsTheBuildRunsAndThisVersionsServiceImages() {
        assertThat(compose.service("kafka").imageTag()).isEqualTo(AppInfoParser.getVersion());
        assertThat(compose.service("kafka-topics").image())
                .isEqualTo(compose.service("kafka").image());
        assertThat(compose.service("elasticsearch").imageTag()).isEqualTo(System.getProperty("elasticsearch.version"));
        assertThat(compose.service("schema-registry").imageTag())
                .isEqualTo(System.getProperty("apicurio-registry.version"));
        String postgresMajor = System.getProperty("postgres-binaries.version").split("\\.")[0];
        assertThat(compose.service("postgres").imageTag()).isEqualTo(postgresMajor);
        compose.applicationServices().forEach((name, service) -> assertThat(service.image())
                .isEqualTo("ordersaga/" + name + ":" + System.getProperty("project.version")));
    }

    @Test
    void runsTheImagesTheTestcontainersProviderRuns() {
        var containers = TestcontainersSettings.fromEnvironment();
        assertThat(compose.service("postgres").image()).isEqualTo(containers.postgresImage());
        assertThat(compose.service("kafka").image()).isEqualTo(containers.kafkaImage());
        assertThat(compose.service("schema-registry").image()).isEqualTo(containers.schemaRegistryImage());
        assertThat(compose.service("elasticsearch").image()).isEqualTo(containers.elasticsearchImage());
        assertThat(compose.service("mailpit").image()).isEqualTo(containers.smtpImage());
    }

    @Test
    void namesPropertiesTheWaySpringRelaxedBindingReadsThem() {
        assertThat(ComposeService.environmentName("messaging.schema-registry-url"))
                .isEqualTo("MESSAGING_SCHEMA_REGISTRY_URL");
        assertThat(ComposeService.environmentName("spring.kafka.bootstrap-servers"))
                .isEqualTo("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(compose.service("order-service").database()).hasValue("orders");
        assertThat(compose.service("search-projection-service").database()).isEmpty();
    }

    private static boolean mentionsHost(String value, String host) {
        return Pattern.compile("(^|//|@)" + Pattern.quote(host) + "(:|/|$)")
                .matcher(value)
                .find();
    }

    private Path initScript() {
        return directory.resolve("postgres/initdb/10-service-databases.sh");
    }

    /** The "database owner" lines of the init script's list. */
    private Map<String, String> initScriptDatabaseOwners() throws IOException {
        String script = Files.readString(initScript());
        String list = script.substring(script.indexOf("<<'DATABASES'\n") + "<<'DATABASES'\n".length());
        list = list.substring(0, list.indexOf("DATABASES\n"));
        var owners = new LinkedHashMap<String, String>();
        list.lines().map(line -> line.trim().split("\\s+")).forEach(pair -> owners.put(pair[0], pair[1]));
        return owners;
    }

    @SuppressWarnings("unchecked")
    private List<String> commandOf(String service) {
        Map<String, Object> root = yaml(compose.file());
        var definition = (Map<String, Object>) ((Map<String, Object>) root.get("services")).get(service);
        return ((List<Object>) definition.get("command"))
                .stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> prometheusJobs() throws IOException {
        Map<String, Object> root = yaml(directory.resolve("prometheus/prometheus.yml"));
        var jobs = new LinkedHashMap<String, Map<String, Object>>();
        for (var job : (List<Map<String, Object>>) root.get("scrape_configs")) {
            jobs.put(job.get("job_name").toString(), job);
        }
        return jobs;
    }

    private static Map<String, Object> yaml(Path file) {
        try (var reader = Files.newBufferedReader(file)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
