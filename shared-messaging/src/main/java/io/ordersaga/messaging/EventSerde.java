package io.ordersaga.messaging;

import io.apicurio.registry.rest.v2.beans.IfExists;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro events to and from the Confluent wire format (magic byte, 4-byte schema id, Avro binary)
 * through the schema registry: the one place the serde is configured (docs/serialization.md).
 *
 * <p>A producer registers the schema of an event type the first time it serializes one. That first
 * use goes through {@link SchemaRegistration}, so that concurrent first uses (a fresh service's
 * first requests) register the schema once and none of them fails; later uses are served from the
 * serializer's cache.
 */
public final class EventSerde implements AutoCloseable {

    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
    private final AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();
    private final SchemaRegistration registration = new SchemaRegistration();

    public EventSerde(String schemaRegistryUrl) {
        serializer.configure(config(schemaRegistryUrl), false);
        deserializer.configure(config(schemaRegistryUrl), false);
    }

    /** The serde settings that give the Confluent wire format with one subject per event type. */
    public static Map<String, Object> config(String schemaRegistryUrl) {
        var config = new HashMap<String, Object>();
        config.put(SerdeConfig.REGISTRY_URL, schemaRegistryUrl);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        // Registering a schema that is already there returns its version: what makes a registration
        // retried after losing a race to another producer idempotent (SchemaRegistration).
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT_IF_EXISTS, IfExists.RETURN_OR_UPDATE.value());
        config.put(SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true);
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName());
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    /** Serializes an event for {@code topic}, registering its schema on first use. */
    public byte[] serialize(String topic, SpecificRecord event) {
        return registration.serialize(event.getSchema(), () -> serializer.serialize(topic, event));
    }

    /** Decodes Confluent-framed bytes into the generated event class; throws on undecodable input. */
    public SpecificRecord deserialize(String topic, byte[] bytes) {
        return deserializer.deserialize(topic, bytes);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
