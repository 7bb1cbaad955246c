package io.ordersaga.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every part of the messaging library needs to know about the service it runs in.
 *
 * @param serviceName the service, e.g. "order": names its consumer group, its replication slot and
 *     its relay lock
 * @param schemaRegistryUrl the schema registry's API the Avro serde talks to
 */
@ConfigurationProperties("messaging")
public record MessagingSettings(String serviceName, String schemaRegistryUrl) {

    public MessagingSettings {
        if (serviceName == null || !serviceName.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("messaging.service-name must be a lower-case name, was " + serviceName);
        }
        if (schemaRegistryUrl == null || schemaRegistryUrl.isBlank()) {
            throw new IllegalArgumentException("messaging.schema-registry-url is required");
        }
    }
}
