package io.ordersaga.infra.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the server distributions are: collected by the build (infra/kafka-broker,
 * infra/schema-registry, the Elasticsearch zip from Maven Central) and recorded in
 * {@code harness-distributions.properties}. Each path can be overridden like any
 * {@link HarnessSettings} value, e.g. {@code -Dkafka.classpath=/opt/kafka/libs}.
 */
record Distributions(Path kafkaClasspath, Path schemaRegistryApp, Path elasticsearchZip, String elasticsearchVersion) {

    private static final String RESOURCE = "/harness-distributions.properties";

    static Distributions fromBuild() {
        var built = new Properties();
        try (InputStream in = Distributions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            built.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Distributions(
                path(built, "kafka.classpath"),
                path(built, "schema-registry.app"),
                path(built, "elasticsearch.zip"),
                HarnessSettings.setting("elasticsearch.version", built.getProperty("elasticsearch.version")));
    }

    private static Path path(Properties built, String key) {
        return Path.of(HarnessSettings.setting(key, built.getProperty(key))).normalize();
    }

    static Path require(Path path, String what) {
        if (!Files.exists(path)) {
            throw new ServerStartException(what + " not found at " + path
                    + ". Build the infrastructure modules first: ./mvnw -pl infra/harness -am install -DskipTests");
        }
        return path;
    }
}
