package io.ordersaga.messaging.consumer;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.TraceContext;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.inbox.Inbox;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to each record: decode, validate, find the handler, then apply the event once, in
 * one transaction with its inbox record, with the event's trace current. Anything thrown goes to
 * the failure policy ({@link FailurePolicy}); the raw bytes stay in the record, so a dead letter
 * is exactly what was published.
 */
final class EventDispatcher implements MessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final EventDecoder decoder;
    private final EventHandlers handlers;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final String consumer;

    EventDispatcher(
            EventSerde serde, EventHandlers handlers, Inbox inbox, TransactionTemplate transaction, String consumer) {
        this.decoder = new EventDecoder(serde);
        this.handlers = handlers;
        this.inbox = inbox;
        this.transaction = transaction;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(ConsumerRecord<byte[], byte[]> record) {
        SpecificRecord event = decoder.decode(record.topic(), record.value());
        EventEnvelope envelope = EventDecoder.validEnvelope(event);
        var handler = handlers.forEvent(event.getClass());
        if (handler.isEmpty()) {
            // Normal: a topic carries every event of its context; this service handles some.
            log.debug("No handler for {} {}, skipped", envelope.getEventType(), envelope.getEventId());
            return;
        }
        // The handler runs in the event's trace; what it appends to the outbox carries a child span.
        Traceparent trace = Traceparent.parseOrStart(header(record, Traceparent.HEADER));
        TraceContext.runWith(
                trace,
                () -> transaction.executeWithoutResult(status -> {
                    if (inbox.markProcessed(consumer, envelope.getEventId())) {
                        handler.get().invoke(event);
                    } else {
                        log.debug("{} {} was applied before, skipped", envelope.getEventType(), envelope.getEventId());
                    }
                }));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
