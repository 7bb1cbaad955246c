package io.ordersaga.search.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.consumer.ConsumedEvent;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.search.projection.OrderDocument;
import io.ordersaga.search.projection.OrderFactsForTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/**
 * The other services' side, for tests: publishes saga events through Kafka as their relays do,
 * and reads the documents the projection wrote.
 */
@TestComponent
public class SagaEvents implements DisposableBean {

    private final EventProducer producer;
    private final ElasticsearchClient elasticsearch;

    SagaEvents(
            EventSerde serde,
            ElasticsearchClient elasticsearch,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.producer = new EventProducer(bootstrapServers, serde);
        this.elasticsearch = elasticsearch;
    }

    public void publish(SagaScenario.Published event) {
        producer.publish(event.topic(), event.event());
    }

    /** Publishes the events in the given order. */
    public void publishAll(List<SagaScenario.Published> events) {
        events.forEach(this::publish);
    }

    /** The order's document in {@code index} (the alias or one version), if written. */
    public Optional<OrderDocument> document(String index, UUID orderId) {
        try {
            var response = elasticsearch.get(get -> get.index(index).id(orderId.toString()), OrderDocument.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document the events imply: what the projection must converge to. */
    public static OrderDocument expected(List<SagaScenario.Published> events) {
        List<ConsumedEvent> consumed = ConsumedEvents.consumed(events);
        return OrderFactsForTests.project(consumed);
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
