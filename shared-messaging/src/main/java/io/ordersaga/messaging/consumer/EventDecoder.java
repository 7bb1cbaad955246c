package io.ordersaga.messaging.consumer;

import io.apicurio.registry.rest.client.exception.NotFoundException;
import io.apicurio.rest.client.error.ApicurioRestClientException;
import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.messaging.EventSerde;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns a record's bytes into a saga event, and tells the two kinds of failure apart: the bytes
 * are wrong ({@link InvalidEventException}, dead-lettered at once) or the schema registry could
 * not answer (thrown as is, retried: the same bytes will decode once it is back).
 */
final class EventDecoder {

    private final EventSerde serde;

    EventDecoder(EventSerde serde) {
        this.serde = serde;
    }

    SpecificRecord decode(String topic, byte[] value) {
        if (value == null) {
            throw new UndecodableEventException(
                    "the record has no value (a tombstone); events are never deleted", null);
        }
        try {
            return serde.deserialize(topic, value);
        } catch (RuntimeException e) {
            if (registryUnavailable(e)) {
                throw e;
            }
            throw new UndecodableEventException("cannot decode the record as an Avro event: " + e, e);
        }
    }

    /**
     * The registry client failed for another reason than "no such schema": unreachable, timing out,
     * or answering 5xx. A 404 for the schema id means the bytes name a schema that does not exist.
     */
    static boolean registryUnavailable(Throwable thrown) {
        boolean registryFailed = false;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotFoundException) {
                return false;
            }
            registryFailed |= cause instanceof ApicurioRestClientException;
        }
        return registryFailed;
    }

    /** The envelope every saga event starts with, checked for what deduplication and routing need. */
    static EventEnvelope validEnvelope(SpecificRecord event) {
        Schema schema = event.getSchema();
        Schema.Field field = schema.getField("envelope");
        if (field == null || !EventEnvelope.getClassSchema().equals(field.schema())) {
            throw new UnknownEventTypeException(schema.getFullName() + " is not a saga event: it has no envelope");
        }
        if (!(event.get(field.pos()) instanceof EventEnvelope envelope)) {
            throw new InvalidEventException(schema.getName() + " has no envelope");
        }
        if (envelope.getEventId() == null || envelope.getOrderId() == null) {
            throw new InvalidEventException(schema.getName() + " lacks its eventId or orderId: " + envelope);
        }
        if (!schema.getName().equals(envelope.getEventType())) {
            throw new InvalidEventException("the envelope of " + schema.getName() + " " + envelope.getEventId()
                    + " gives its type as " + envelope.getEventType());
        }
        return envelope;
    }
}
