package io.ordersaga.messaging.consumer;

/**
 * What happens between two records of a poll inside their shared transaction, once a record's
 * handler has run and its writes are flushed (docs/idempotent-consumer.md). Without JPA, nothing.
 */
@FunctionalInterface
interface RecordBoundary {

    RecordBoundary NONE = () -> {};

    /** Called after each applied record's effects were flushed to the database. */
    void afterRecord();
}
