package io.ordersaga.search.projection;

import io.ordersaga.messaging.consumer.ConsumedEvent;
import io.ordersaga.messaging.consumer.EventBatchHandler;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Projects each batch of saga events into order documents. The live projector (a bean, so the
 * messaging library runs it in the service's consumer group) writes to whatever index the alias
 * points at when the batch is written; a rebuild's projector writes to the new index only.
 */
public final class OrderProjector implements EventBatchHandler {

    static final String LIVE = "live";
    static final String REBUILD = "rebuild";

    private final String name;
    private final Supplier<String> index;
    private final OrderDocuments documents;
    private final ProjectionMetrics metrics;

    private OrderProjector(String name, Supplier<String> index, OrderDocuments documents, ProjectionMetrics metrics) {
        this.name = name;
        this.index = index;
        this.documents = documents;
        this.metrics = metrics;
    }

    /**
     * Writes to the index behind the alias, resolved again for every batch: after a rebuild's swap,
     * the next batch goes to the new index.
     */
    public static OrderProjector live(
            Supplier<String> aliasTarget, OrderDocuments documents, ProjectionMetrics metrics) {
        return new OrderProjector(LIVE, aliasTarget, documents, metrics);
    }

    public static OrderProjector rebuilding(String index, OrderDocuments documents, ProjectionMetrics metrics) {
        return new OrderProjector(REBUILD, () -> index, documents, metrics);
    }

    @Override
    public void on(List<ConsumedEvent> events) {
        List<OrderFact> facts =
                events.stream().map(EventFacts::of).flatMap(Optional::stream).toList();
        if (facts.isEmpty()) {
            return;
        }
        documents.apply(index.get(), facts);
        metrics.indexed(name, facts);
    }
}
