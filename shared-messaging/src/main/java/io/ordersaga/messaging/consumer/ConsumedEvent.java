package io.ordersaga.messaging.consumer;

import io.ordersaga.events.common.EventEnvelope;
import org.apache.avro.specific.SpecificRecord;

/**
 * One decoded, validated saga event as an {@link EventBatchHandler} receives it.
 *
 * @param event the generated Avro class of the event, e.g. {@code OrderPlaced}
 * @param envelope its envelope: event id, type, occurredAt, orderId (the Kafka key)
 */
public record ConsumedEvent(SpecificRecord event, EventEnvelope envelope) {}
