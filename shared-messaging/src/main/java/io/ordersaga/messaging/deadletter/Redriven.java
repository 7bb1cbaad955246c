package io.ordersaga.messaging.deadletter;

/**
 * Where a redriven dead letter was published again.
 *
 * @param topic the original topic
 * @param partition the partition the key maps to (the original one while the partition count is
 *     unchanged)
 * @param offset the new record's offset
 */
public record Redriven(String topic, int partition, long offset) {}
