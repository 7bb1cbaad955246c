package io.ordersaga.infra.harness.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.infra.harness.HarnessSettings;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestcontainersSettingsTest {

    @AfterEach
    void clearOverrides() {
        System.clearProperty("harness.testcontainers.kafka-image");
        System.clearProperty("harness.kafka.partitions");
    }

    @Test
    void runsTheKafkaVersionOfTheClientsAndTheHarnessDatabases() {
        var settings = TestcontainersSettings.fromEnvironment();

        assertThat(settings.kafkaImage()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(settings.databases()).containsExactlyElementsOf(HarnessSettings.SERVICE_DATABASES);
        assertThat(settings.kafkaPartitions()).isEqualTo(12);
        assertThat(settings.schemaRegistryImage()).isEqualTo("apicurio/apicurio-registry-sql:2.4.2.Final");
    }

    @Test
    void takesImagesAndHarnessSettingsFromSystemProperties() {
        System.setProperty("harness.testcontainers.kafka-image", "apache/kafka:9.9.9");
        System.setProperty("harness.kafka.partitions", "3");

        var settings = TestcontainersSettings.fromEnvironment();

        assertThat(settings.kafkaImage()).isEqualTo("apache/kafka:9.9.9");
        assertThat(settings.kafkaPartitions()).isEqualTo(3);
    }
}
