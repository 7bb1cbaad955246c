package io.ordersaga.search.projection;

import io.ordersaga.messaging.consumer.ConsumedEvent;
import java.util.List;
import java.util.Optional;

/** The projection's pure part, for tests in other packages: events to the document they imply. */
public final class OrderFactsForTests {

    private OrderFactsForTests() {}

    public static OrderDocument project(List<ConsumedEvent> events) {
        List<OrderFact> facts =
                events.stream().map(EventFacts::of).flatMap(Optional::stream).toList();
        return OrderDocument.empty(facts.getFirst().orderId()).withAll(facts);
    }
}
