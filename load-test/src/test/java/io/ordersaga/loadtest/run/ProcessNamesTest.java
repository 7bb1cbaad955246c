package io.ordersaga.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command lines are those of a local stack's processes (JVM options shortened). */
class ProcessNamesTest {

    private static final String JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";
    private static final String RUN = "/tmp/order-saga-harness/run-13704-1795636199967";
    private static final String ES_HOME = "/tmp/order-saga-harness/dist/elasticsearch-8.19.21";

    @Test
    void aServiceIsNamedByItsJarWithoutTheVersionWhateverServersItsArgumentsName() {
        var commandLine = List.of(
                JAVA,
                "-Xmx320m",
                "-Djava.io.tmpdir=" + RUN + "/search-projection-service/tmp",
                "-jar",
                "/work/main/search-projection-service/target/search-projection-service-0.1.0-SNAPSHOT.jar",
                "--server.port=33713",
                "--spring.elasticsearch.uris=http://127.0.0.1:40009",
                "--spring.kafka.bootstrap-servers=127.0.0.1:43271",
                "--messaging.schema-registry-url=http://127.0.0.1:47475/apis/registry/v2");

        assertThat(ProcessNames.of(commandLine, "java")).isEqualTo("search-projection-service");
    }

    @Test
    void kafkaIsNamedByItsMainClass() {
        var commandLine = List.of(
                JAVA,
                "-Xmx512m",
                "-cp",
                "/work/main/infra/kafka-broker/target/lib/*",
                "kafka.Kafka",
                RUN + "/kafka/server.properties");

        assertThat(ProcessNames.of(commandLine, "java")).isEqualTo("kafka");
    }

    @Test
    void theSchemaRegistryIsNamedByWhereItsQuarkusJarIs() {
        var commandLine = List.of(
                JAVA,
                "-Xmx256m",
                "-Dquarkus.http.port=47475",
                "-jar",
                "/work/main/infra/schema-registry/target/quarkus-app/quarkus-run.jar");

        assertThat(ProcessNames.of(commandLine, "java")).isEqualTo("schema-registry");
    }

    @Test
    void elasticsearchsLauncherAndServerAreBothElasticsearch() {
        var launcher = List.of(
                JAVA,
                "-Xmx64m",
                "-Dcli.name=server",
                "-cp",
                ES_HOME + "/lib/*:" + ES_HOME + "/lib/cli-launcher/*",
                "org.elasticsearch.launcher.CliToolLauncher",
                "-p",
                RUN + "/elasticsearch/server.pid");
        var server = List.of(
                JAVA,
                "-Xmx512m",
                "--module-path",
                ES_HOME + "/lib",
                "-m",
                "org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch");
        var script = List.of("/bin/bash", ES_HOME + "/bin/elasticsearch", "-p", RUN + "/elasticsearch/server.pid");

        assertThat(List.of(launcher, server, script))
                .allSatisfy(commandLine ->
                        assertThat(ProcessNames.of(commandLine, "java")).isEqualTo("elasticsearch"));
    }

    @Test
    void thePostmasterAndItsBackendsArePostgresql() {
        var postmaster = List.of(
                "/tmp/embedded-pg/PG-59e8d331a924ec3d78c088ab74e1aede/bin/postgres",
                "-D",
                RUN + "/postgres/data",
                "-p",
                "58001",
                "-c",
                "wal_level=logical");
        var backend = List.of("postgres: postgres shipments 127.0.0.1(48036) idle");

        assertThat(ProcessNames.of(postmaster, "postgres")).isEqualTo("postgresql");
        assertThat(ProcessNames.of(backend, "postgres")).isEqualTo("postgresql");
    }

    @Test
    void anythingElseIsNamedByItsExecutable() {
        assertThat(ProcessNames.of(List.of("/usr/bin/sleep", "600"), "sleep")).isEqualTo("sleep");
        assertThat(ProcessNames.of(List.of(JAVA, "-jar", "/opt/tool.jar"), "java"))
                .isEqualTo("tool");
        // A zombie has no command line left: the kernel's name is all there is.
        assertThat(ProcessNames.of(List.of(), "controller")).isEqualTo("controller");
    }
}
