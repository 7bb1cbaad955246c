package io.ordersaga.messaging.consumer;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.TraceContext;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.inbox.Inbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to the records of a poll: each is decoded, validated, matched to its handler and
 * applied once, with its inbox record, in the event's trace; the records of one poll share one
 * transaction, and their inbox records one statement (docs/idempotent-consumer.md).
 *
 * <p>One transaction per poll rather than per record is the throughput lever of the consumers: under
 * load a poll returns many records, and their commit, connection checkout and transaction set-up are
 * paid once. Nothing else changes for a handler: the persistence context is flushed after each
 * record, so every handler sees the previous records' effects in the database, in partition order,
 * and then emptied ({@link RecordBoundary}), so each record's handler starts from the database.
 *
 * <p>When a record fails, the shared transaction is rolled back, the records before it are applied
 * again and committed, and the failing record is reported with {@link BatchListenerFailedException}:
 * the failure policy ({@link FailurePolicy}) commits the offsets before it, retries or dead-letters
 * exactly that record, and delivers the ones after it again, as it would for a record listener. The
 * failing record's handler runs once per delivery; the handlers of the records before it run twice
 * (the first run rolled back), so a handler's effects outside the transaction, such as a counter,
 * may count such a record twice. The raw bytes stay in the record, so a dead letter is exactly what
 * was published.
 */
final class EventDispatcher implements BatchMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final EventDecoder decoder;
    private final EventHandlers handlers;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final RecordBoundary recordBoundary;
    private final String consumer;

    EventDispatcher(
            EventSerde serde,
            EventHandlers handlers,
            Inbox inbox,
            TransactionTemplate transaction,
            RecordBoundary recordBoundary,
            String consumer) {
        this.decoder = new EventDecoder(serde);
        this.handlers = handlers;
        this.inbox = inbox;
        this.transaction = transaction;
        this.recordBoundary = recordBoundary;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
        applyAll(records);
    }

    /**
     * Applies the records in one transaction; when that fails, applies the ones before the failing
     * record again (they were rolled back with it) and reports the failing one, which is not run a
     * second time. A failure at commit, or of the inbox's statement, names no record: then each
     * record gets its own transaction.
     */
    private void applyAll(List<ConsumerRecord<byte[], byte[]>> records) {
        var applying = new int[] {0};
        try {
            transaction.executeWithoutResult(status -> {
                var handled = new ArrayList<HandledEvent>(records.size());
                for (; applying[0] < records.size(); applying[0]++) {
                    decode(applying[0], records.get(applying[0])).ifPresent(handled::add);
                }
                // The poll's event ids go into the inbox with one statement; what it had, is skipped.
                Set<UUID> firstTime = inbox.markProcessed(
                        consumer, handled.stream().map(HandledEvent::eventId).toList());
                for (HandledEvent event : handled) {
                    applying[0] = event.index();
                    // remove: a record delivered twice in one poll is applied the first time only.
                    if (firstTime.remove(event.eventId())) {
                        apply(event, status);
                    } else {
                        log.debug("{} {} was applied before, skipped", event.type(), event.eventId());
                    }
                }
                applying[0] = records.size();
            });
            return;
        } catch (RuntimeException failed) {
            int failing = applying[0];
            if (failing < records.size()) {
                if (failing > 0) {
                    log.debug(
                            "Record {} of a batch of {} failed ({}); applying the {} before it again",
                            failing,
                            records.size(),
                            failed.toString(),
                            failing);
                    applyAll(records.subList(0, failing));
                }
                throw failedAt(records.get(failing), failed);
            }
            if (records.size() == 1) {
                throw failedAt(records.get(0), failed);
            }
            log.debug("A batch of {} records failed at commit ({}); applying them one by one", records.size(), failed);
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            applyAll(List.of(record));
        }
    }

    private static BatchListenerFailedException failedAt(ConsumerRecord<?, ?> record, RuntimeException failure) {
        return new BatchListenerFailedException(
                "handling " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed",
                failure,
                record);
    }

    /** The record's event, decoded and validated, with its handler; empty when this service handles none of its type. */
    private Optional<HandledEvent> decode(int index, ConsumerRecord<byte[], byte[]> record) {
        SpecificRecord event = decoder.decode(record.topic(), record.value());
        EventEnvelope envelope = EventDecoder.validEnvelope(event);
        var handler = handlers.forEvent(event.getClass());
        if (handler.isEmpty()) {
            // Normal: a topic carries every event of its context; this service handles some.
            log.debug("No handler for {} {}, skipped", envelope.getEventType(), envelope.getEventId());
            return Optional.empty();
        }
        return Optional.of(new HandledEvent(index, record, event, envelope, handler.get()));
    }

    private void apply(HandledEvent handled, TransactionStatus status) {
        // The handler runs in the event's trace; what it appends to the outbox carries a child span.
        Traceparent trace = Traceparent.parseOrStart(header(handled.record(), Traceparent.HEADER));
        TraceContext.runWith(trace, () -> handled.handler().invoke(handled.event()));
        // Written now, so the next record's handler (and its native queries) sees this one's effects;
        // then, with JPA, the persistence context is emptied so the next flush checks only its entities.
        status.flush();
        recordBoundary.afterRecord();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record of the poll (at {@code index}) that a handler of this service applies. */
    private record HandledEvent(
            int index,
            ConsumerRecord<byte[], byte[]> record,
            SpecificRecord event,
            EventEnvelope envelope,
            EventHandlers.Handler handler) {

        UUID eventId() {
            return envelope.getEventId();
        }

        String type() {
            return envelope.getEventType();
        }
    }
}
