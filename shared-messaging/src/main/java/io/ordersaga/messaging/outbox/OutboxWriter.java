package io.ordersaga.messaging.outbox;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.TraceContext;
import java.sql.Timestamp;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends an event to the service's outbox in the caller's transaction: the event is published if
 * and only if the state change it announces commits (docs/outbox.md).
 *
 * <p>Services call it from the adapter that implements their domain's event port, never from the
 * domain itself, so the domain stays free of Avro and messaging types.
 */
public final class OutboxWriter {

    private static final String ENVELOPE_FIELD = "envelope";
    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, traceparent, causation_id, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EventSerde serde;
    private final OutboxSettings settings;

    OutboxWriter(DataSource dataSource, EventSerde serde, OutboxSettings settings) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.serde = serde;
        this.settings = settings;
    }

    /**
     * Writes {@code event} to the outbox within the current transaction, which must be a
     * Spring-managed transaction on the service's data source (JDBC or JPA).
     *
     * @throws IllegalStateException when no transaction is active: an event written outside the
     *     state change's transaction could be published for a change that never happened
     * @throws IllegalArgumentException when the event has no envelope
     */
    public void append(SpecificRecord event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append needs an active transaction, so the event commits or "
                    + "rolls back with the state change it announces; call it from a @Transactional method");
        }
        EventEnvelope envelope = envelopeOf(event);
        UUID eventId = envelope.getEventId();
        UUID causationId = envelope.getCausationId();
        jdbc.update(
                INSERT,
                eventId,
                settings.aggregateType(),
                envelope.getOrderId().toString(),
                envelope.getEventType(),
                serde.serialize(settings.topic(), event),
                TraceContext.forNewEvent().toString(),
                causationId,
                Timestamp.from(envelope.getOccurredAt()));
    }

    private static EventEnvelope envelopeOf(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField(ENVELOPE_FIELD);
        if (field == null || !(event.get(field.pos()) instanceof EventEnvelope envelope)) {
            throw new IllegalArgumentException(
                    event.getSchema().getFullName() + " has no envelope: every event carries one as its first field");
        }
        return envelope;
    }
}
