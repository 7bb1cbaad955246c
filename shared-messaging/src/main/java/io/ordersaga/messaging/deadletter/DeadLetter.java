package io.ordersaga.messaging.deadletter;

import java.time.Instant;

/**
 * One record in a dead-letter topic, as the {@code deadletters} endpoint lists it. The value is
 * left out: it is Avro binary, and the record's coordinates are what an operator redrives.
 *
 * @param topic the dead-letter topic
 * @param partition its partition
 * @param offset its offset: with topic and partition, what {@code redrive} takes
 * @param key the record key, the order id
 * @param timestamp when it was dead-lettered
 * @param eventId the {@code eventId} header of the original record, if it had one
 * @param eventType the {@code eventType} header of the original record, if it had one
 * @param exceptionClass why: the class of what the consumer threw
 * @param exceptionMessage why: its message
 * @param originalTopic where it was consumed from, and where redrive sends it
 * @param originalPartition its partition there
 * @param originalOffset its offset there
 * @param consumerGroup the consumer group that gave up on it: the service whose dead letter it is
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        String key,
        Instant timestamp,
        String eventId,
        String eventType,
        String exceptionClass,
        String exceptionMessage,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String consumerGroup) {}
