package io.ordersaga.messaging.outbox;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.persistence.TimeOrderedUuids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * The envelope every event starts with (docs/events.md), built one way by every service: a new
 * time-ordered event id ({@link TimeOrderedUuids}), the event's type name, the schema version it was
 * released as, when it happened (to the millisecond, all Avro's timestamp-millis keeps), the order
 * whose saga it belongs to (the Kafka key), and the event it reacts to.
 */
public final class EventEnvelopes {

    /** The schema-history version the events of this build were released as (see docs/events.md). */
    public static final int SCHEMA_VERSION = 1;

    private EventEnvelopes() {}

    /**
     * @param causationId the eventId of the event being handled, or null for an event a person or a
     *     timer caused
     */
    public static EventEnvelope of(
            Class<? extends SpecificRecord> eventType, UUID orderId, Instant occurredAt, UUID causationId) {
        return EventEnvelope.newBuilder()
                .setEventId(TimeOrderedUuids.next())
                .setEventType(eventType.getSimpleName())
                .setSchemaVersion(SCHEMA_VERSION)
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
                .setOrderId(orderId)
                .setCausationId(causationId)
                .build();
    }
}
