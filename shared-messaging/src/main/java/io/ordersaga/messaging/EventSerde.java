package io.ordersaga.messaging;

import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.rest.v2.beans.IfExists;
import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.RecordIdStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro events to and from the Confluent wire format (magic byte, 4-byte schema id, Avro binary)
 * through the schema registry: the one place the serde is configured (docs/serialization.md).
 *
 * <p>A producer registers the schema of an event type the first time it serializes one. That first
 * use goes through {@link SchemaRegistration}, so that concurrent first uses (a fresh service's
 * first requests) register the schema once and none of them fails.
 *
 * <p>Only the first use of a schema, and the first sight of a schema id, go through Apicurio's
 * serializer and deserializer, which talk to the registry. Their answer (the id a schema was
 * registered under; the writer's schema behind an id) is kept, and every later event is framed and
 * encoded, or decoded, here with an Avro writer or reader built once per schema. Apicurio's serde
 * does that work again for every record: it renders the event's schema as JSON to look the id up,
 * and builds a new resolving reader per record; the two were a tenth of a consumer's CPU
 * (docs/performance.md). The bytes are the same either way: {@code EventSerdeIT} compares them.
 */
public final class EventSerde implements AutoCloseable {

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_LENGTH = 1 + Integer.BYTES;

    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
    private final AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();
    private final SchemaRegistration registration = new SchemaRegistration();
    private final ConcurrentMap<Schema, EventWriter> writers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, EventReader> readers = new ConcurrentHashMap<>();

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
        // The 4-byte schema id of the Confluent frame, named as the id handler itself: the flag
        // apicurio.registry.as-confluent (ENABLE_CONFLUENT_ID_HANDLER) installs the same handler but
        // warns that it overrides the default one.
        config.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName());
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, RecordIdStrategy.class.getName());
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    /** Serializes an event for {@code topic}, registering its schema on first use. */
    public byte[] serialize(String topic, SpecificRecord event) {
        Schema schema = event.getSchema();
        EventWriter writer = writers.get(schema);
        if (writer != null) {
            return writer.write(event);
        }
        byte[] bytes = registration.serialize(schema, () -> serializer.serialize(topic, event));
        writers.putIfAbsent(schema, new EventWriter(schemaIdOf(bytes), schema));
        return bytes;
    }

    /** Decodes Confluent-framed bytes into the generated event class; throws on undecodable input. */
    public SpecificRecord deserialize(String topic, byte[] bytes) {
        EventReader reader = isFramed(bytes) ? readers.get(schemaIdOf(bytes)) : null;
        if (reader != null) {
            return reader.read(bytes);
        }
        // Unframed bytes fail here, as Apicurio words it; a new id is looked up in the registry.
        SpecificRecord event = deserializer.deserialize(topic, bytes);
        if (event instanceof SpecificRecordBase) {
            int id = schemaIdOf(bytes);
            Schema writerSchema = deserializer
                    .getSchemaResolver()
                    .resolveSchemaByArtifactReference(
                            ArtifactReference.builder().contentId((long) id).build())
                    .getParsedSchema()
                    .getParsedSchema();
            readers.putIfAbsent(id, new EventReader(writerSchema, event.getSchema()));
        }
        return event;
    }

    private static boolean isFramed(byte[] bytes) {
        return bytes != null && bytes.length > HEADER_LENGTH && bytes[0] == MAGIC_BYTE;
    }

    private static int schemaIdOf(byte[] framed) {
        return ((framed[1] & 0xff) << 24) | ((framed[2] & 0xff) << 16) | ((framed[3] & 0xff) << 8) | (framed[4] & 0xff);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }

    /**
     * Frames and encodes events of one schema, as Apicurio's serializer does: a {@code
     * SpecificDatumWriter} and a direct binary encoder. The writer keeps no state between writes, so
     * one serves every thread.
     */
    private static final class EventWriter {

        private final byte[] header;
        private final SpecificDatumWriter<SpecificRecord> writer;

        EventWriter(int schemaId, Schema schema) {
            this.header = new byte[] {
                MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId
            };
            this.writer = new SpecificDatumWriter<>(schema);
        }

        byte[] write(SpecificRecord event) {
            var out = new ByteArrayOutputStream(256);
            out.writeBytes(header);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            try {
                writer.write(event, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot encode " + event.getSchema().getFullName(), e);
            }
            return out.toByteArray();
        }
    }

    /**
     * Decodes the events written with one schema id into their generated class, resolving the
     * writer's schema to the class's as Apicurio's deserializer does. Avro builds the resolving
     * reader on its first use and keeps it; a reader is not safe to share between threads, so each
     * consumer thread has its own.
     */
    private static final class EventReader {

        private final ThreadLocal<SpecificDatumReader<SpecificRecord>> reader;

        EventReader(Schema writerSchema, Schema readerSchema) {
            this.reader = ThreadLocal.withInitial(() -> new SpecificDatumReader<>(writerSchema, readerSchema));
        }

        SpecificRecord read(byte[] framed) {
            try {
                return reader.get()
                        .read(
                                null,
                                DecoderFactory.get()
                                        .binaryDecoder(framed, HEADER_LENGTH, framed.length - HEADER_LENGTH, null));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode the Avro record after the schema id", e);
            }
        }
    }
}
