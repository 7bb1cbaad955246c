package io.ordersaga.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.ordersaga.infra.harness.SchemaRegistryServer;
import io.ordersaga.infra.harness.junit.RealInfrastructure;
import io.ordersaga.messaging.testapp.Events;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The serde's own framing and encoding, used after the first use of a schema, against Apicurio's
 * serde talking to the real registry: the same bytes out, the same events back.
 */
@RealInfrastructure
class EventSerdeIT {

    private static final String TOPIC = "orders.events";

    private EventSerde serde;
    private AvroKafkaSerializer<SpecificRecord> registrySerializer;
    private AvroKafkaDeserializer<SpecificRecord> registryDeserializer;

    @BeforeEach
    void connect(SchemaRegistryServer registry) {
        serde = new EventSerde(registry.apiUrl());
        registrySerializer = new AvroKafkaSerializer<>();
        registrySerializer.configure(EventSerde.config(registry.apiUrl()), false);
        registryDeserializer = new AvroKafkaDeserializer<>();
        registryDeserializer.configure(EventSerde.config(registry.apiUrl()), false);
    }

    @AfterEach
    void close() {
        serde.close();
        registrySerializer.close();
        registryDeserializer.close();
    }

    @Test
    void writesEveryEventAfterItsSchemasFirstUseExactlyAsTheRegistrysSerializerDoes() {
        for (SpecificRecord event : events()) {
            byte[] firstUse = serde.serialize(TOPIC, event);
            byte[] later = serde.serialize(TOPIC, event);

            byte[] expected = registrySerializer.serialize(TOPIC, event);
            assertThat(firstUse)
                    .as("first use of %s", event.getSchema().getName())
                    .isEqualTo(expected);
            assertThat(later).as("later use of %s", event.getSchema().getName()).isEqualTo(expected);
        }
    }

    @Test
    void readsEveryEventBackIntoItsClassAsTheRegistrysDeserializerDoes() {
        for (SpecificRecord event : events()) {
            byte[] bytes = registrySerializer.serialize(TOPIC, event);

            SpecificRecord firstSight = serde.deserialize(TOPIC, bytes);
            SpecificRecord later = serde.deserialize(TOPIC, bytes);

            assertThat(firstSight).isEqualTo(event).isEqualTo(registryDeserializer.deserialize(TOPIC, bytes));
            assertThat(later).isInstanceOf(event.getClass()).isEqualTo(event);
        }
    }

    @Test
    void keepsEachSchemasIdApartWhenEventsOfSeveralTypesInterleave() {
        var orderId = UUID.randomUUID();
        List<SpecificRecord> interleaved = List.of(
                Events.orderPlaced(orderId),
                Events.orderCancelled(orderId),
                Events.orderPlaced(UUID.randomUUID()),
                Events.orderConfirmed(orderId),
                Events.orderCancelled(UUID.randomUUID()));
        for (SpecificRecord event : interleaved) {
            serde.serialize(TOPIC, event);
        }

        for (SpecificRecord event : interleaved) {
            byte[] bytes = serde.serialize(TOPIC, event);
            assertThat(serde.deserialize(TOPIC, bytes)).isEqualTo(event);
            assertThat(registryDeserializer.deserialize(TOPIC, bytes)).isEqualTo(event);
        }
    }

    @Test
    void failsOnAnEventCutShortAfterAKnownSchemaId() {
        byte[] bytes = serde.serialize(TOPIC, Events.orderPlaced(UUID.randomUUID()));
        serde.deserialize(TOPIC, bytes);
        byte[] cutShort = Arrays.copyOf(bytes, 12);

        assertThatThrownBy(() -> serde.deserialize(TOPIC, cutShort)).isInstanceOf(RuntimeException.class);
        assertThat(serde.deserialize(TOPIC, bytes))
                .as("the whole event, after the failure")
                .isNotNull();
    }

    private static List<SpecificRecord> events() {
        var orderId = UUID.randomUUID();
        return List.of(Events.orderPlaced(orderId), Events.orderConfirmed(orderId), Events.orderCancelled(orderId));
    }
}
