package io.ordersaga.messaging.consumer;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.messaging.EventSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * What happens to each poll in batch mode: decode and validate every record, dead-letter the
 * poison one by one, hand the rest to the {@link EventBatchHandler} in one call. Anything the
 * handler throws goes to the failure policy, which delivers the same records again after a
 * backoff; a poison record dead-lettered on an earlier attempt of the same batch is not
 * dead-lettered twice.
 */
final class EventBatchDispatcher implements BatchMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(EventBatchDispatcher.class);

    private final EventDecoder decoder;
    private final EventBatchHandler handler;
    private final ConsumerRecordRecoverer deadLetters;
    private final Set<Coordinates> deadLetteredInFailedBatch = ConcurrentHashMap.newKeySet();

    private record Coordinates(String topic, int partition, long offset) {
        static Coordinates of(ConsumerRecord<?, ?> record) {
            return new Coordinates(record.topic(), record.partition(), record.offset());
        }
    }

    EventBatchDispatcher(EventSerde serde, EventBatchHandler handler, ConsumerRecordRecoverer deadLetters) {
        this.decoder = new EventDecoder(serde);
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
        var events = new ArrayList<ConsumedEvent>(records.size());
        var deadLettered = new ArrayList<Coordinates>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                SpecificRecord event = decoder.decode(record.topic(), record.value());
                EventEnvelope envelope = EventDecoder.validEnvelope(event);
                events.add(new ConsumedEvent(event, envelope));
            } catch (InvalidEventException poison) {
                var coordinates = Coordinates.of(record);
                if (deadLetteredInFailedBatch.add(coordinates)) {
                    deadLetters.accept(record, poison);
                }
                deadLettered.add(coordinates);
            }
        }
        if (!events.isEmpty()) {
            handler.on(List.copyOf(events));
        }
        // The batch is done and its offsets are committed next: its poison will not come back.
        deadLettered.forEach(deadLetteredInFailedBatch::remove);
        log.debug("Handled {} events, dead-lettered {} records", events.size(), deadLettered.size());
    }
}
