package io.ordersaga.messaging.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.transforms.outbox.EventRouter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Hands each batch of outbox inserts from the replication stream to Kafka, and tells the engine a
 * batch is done only once Kafka has acknowledged all of it: the stored position never runs ahead of
 * what Kafka has, so a crash can repeat events but never lose one.
 *
 * <p>The Outbox Event Router is applied here rather than as an engine transform: the router drops the
 * change's {@code source} block, and the lag metric needs the commit timestamp that is in it.
 */
final class OutboxForwarder implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    /** Columns of the outbox table relayed as Kafka headers, by the names consumers read. */
    static final Map<String, String> HEADER_COLUMNS = Map.of(
            "id", "eventId",
            "type", "eventType",
            "causation_id", "causationId",
            "traceparent", "traceparent");
    /** The router always adds the event id as header {@code id}; it travels once, as {@code eventId}. */
    private static final String ROUTER_ID_HEADER = "id";

    private final Producer<String, byte[]> producer;
    private final EventRouter<SourceRecord> router;
    private final String outboxChangeTopic;
    private final RelayMetrics metrics;

    OutboxForwarder(Producer<String, byte[]> producer, String outboxChangeTopic, RelayMetrics metrics) {
        this.producer = producer;
        this.router = eventRouter();
        this.outboxChangeTopic = outboxChangeTopic;
        this.metrics = metrics;
    }

    /**
     * The Outbox Event Router, configured in full: route by {@code aggregatetype} to
     * {@code <aggregatetype>.events}, key by {@code aggregateid}, payload as is, ids and trace as
     * headers, no tombstones.
     */
    static EventRouter<SourceRecord> eventRouter() {
        var placement = new ArrayList<String>();
        HEADER_COLUMNS.forEach((column, header) -> placement.add(column + ":header:" + header));
        var router = new EventRouter<SourceRecord>();
        router.configure(Map.of(
                "table.field.event.id", "id",
                "table.field.event.key", "aggregateid",
                "table.field.event.payload", "payload",
                "table.fields.additional.placement",
                        String.join(",", placement.stream().sorted().toList()),
                "route.by.field", "aggregatetype",
                "route.topic.replacement", "${routedByValue}.events",
                "route.tombstone.on.empty.payload", "false",
                "table.op.invalid.behavior", "warn"));
        return router;
    }

    @Override
    public void handleBatch(
            List<RecordChangeEvent<SourceRecord>> changes,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        var acks = new ArrayList<Future<RecordMetadata>>(changes.size());
        for (var change : changes) {
            SourceRecord record = change.record();
            // Heartbeats and their WAL messages carry no event; committed below, they move the slot on.
            if (!outboxChangeTopic.equals(record.topic())) {
                continue;
            }
            long commitMicros = commitMicros(record);
            SourceRecord routed = router.apply(record);
            if (routed == null) {
                continue;
            }
            acks.add(producer.send(toKafka(routed), (metadata, error) -> {
                if (error == null) {
                    metrics.acknowledged(commitMicros, nowMicros());
                }
            }));
        }
        // Send everything first and wait once: the whole batch travels in a few produce requests.
        producer.flush();
        for (var ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                // Nothing of this batch is marked processed: the engine stops and, restarted, reads it again.
                throw new RelayFailedException("Kafka did not acknowledge an outbox event", e.getCause());
            }
        }
        metrics.relayed(acks.size());
        for (var change : changes) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    private static ProducerRecord<String, byte[]> toKafka(SourceRecord routed) {
        var headers = new RecordHeaders();
        for (Header header : routed.headers()) {
            if (!ROUTER_ID_HEADER.equals(header.key()) && header.value() != null) {
                headers.add(header.key(), header.value().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(routed.topic(), null, (String) routed.key(), bytes(routed.value()), headers);
    }

    /** The payload column as it was written: registry-framed Avro, never re-encoded. */
    private static byte[] bytes(Object payload) {
        if (payload instanceof byte[] array) {
            return array;
        }
        if (payload instanceof ByteBuffer buffer) {
            byte[] array = new byte[buffer.remaining()];
            buffer.duplicate().get(array);
            return array;
        }
        throw new IllegalStateException("outbox payload is not bytea but " + payload);
    }

    /** When the inserting transaction committed, from the change's source block (microseconds when available). */
    private static long commitMicros(SourceRecord record) {
        Struct source = ((Struct) record.value()).getStruct("source");
        if (source.schema().field("ts_us") != null && source.getInt64("ts_us") != null) {
            return source.getInt64("ts_us");
        }
        return source.getInt64("ts_ms") * 1000;
    }

    private static long nowMicros() {
        var now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    static final class RelayFailedException extends RuntimeException {
        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
