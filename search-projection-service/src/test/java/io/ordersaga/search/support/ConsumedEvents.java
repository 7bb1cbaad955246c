package io.ordersaga.search.support;

import io.ordersaga.messaging.consumer.ConsumedEvent;
import java.util.List;

/** Saga events as the library hands them to a batch handler. */
public final class ConsumedEvents {

    private ConsumedEvents() {}

    public static List<ConsumedEvent> consumed(List<SagaScenario.Published> events) {
        return events.stream()
                .map(published -> new ConsumedEvent(published.event(), published.envelope()))
                .toList();
    }
}
