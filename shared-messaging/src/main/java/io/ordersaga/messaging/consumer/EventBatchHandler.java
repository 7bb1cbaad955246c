package io.ordersaga.messaging.consumer;

import java.util.List;

/**
 * A consumer that takes the events of one poll at once, for a projection that writes in bulk and
 * keeps no database of its own (docs/idempotent-consumer.md, "Batch mode").
 *
 * <p>A Spring bean implementing it is the service's consumer in its group ({@code
 * messaging.service-name}) on {@code messaging.consumer.topics}; {@link BatchConsumers} runs more
 * of them in other groups (a projection rebuild). The library decodes each record first: poison
 * (undecodable, not a saga event, invalid envelope) goes to {@code <topic>.DLT} on its own, and the
 * rest of the poll is handed here, in partition order for each partition. There is no inbox: a
 * batch handler must be idempotent by itself, because a failed batch is delivered again, whole,
 * after a backoff, and a rebalance or restart redelivers what was not committed. When the retries
 * run out, every record of the batch is dead-lettered (docs/failure-policy.md).
 *
 * <p>A service has either {@link EventHandler} methods or one batch handler, not both: they would
 * share one consumer group.
 */
@FunctionalInterface
public interface EventBatchHandler {

    /** Applies the events; throwing makes the whole batch retried. Never called with an empty list. */
    void on(List<ConsumedEvent> events);
}
