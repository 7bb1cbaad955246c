package io.ordersaga.inventory.support;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.common.OrderLine;
import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.Events;
import io.ordersaga.messaging.testapp.TopicReader;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Plays the order service for the tests: publishes order events to orders.events as the relay
 * does, and reads what inventory answered on inventory.events.
 */
public final class OrderTopics implements AutoCloseable {

    public static final String ORDERS = "orders.events";
    public static final String INVENTORY = "inventory.events";

    private final String bootstrapServers;
    private final EventSerde serde;
    private final EventProducer producer;

    public OrderTopics(String bootstrapServers, EventSerde serde) {
        this.bootstrapServers = bootstrapServers;
        this.serde = serde;
        this.producer = new EventProducer(bootstrapServers, serde);
    }

    public void publish(SpecificRecord event) {
        producer.publish(ORDERS, event);
    }

    /** Publishes the events from several threads at once, each with its own trace. */
    public void publishConcurrently(List<? extends SpecificRecord> events) {
        events.parallelStream().forEach(event -> producer.publish(ORDERS, event, Traceparent.start()));
    }

    /** Publishes the same bytes again, with the same event id: what a relay re-send does. */
    public void publishTwice(SpecificRecord event) {
        byte[] bytes = producer.serialize(ORDERS, event);
        var envelope = (EventEnvelope) event.get(0);
        var trace = Traceparent.start();
        producer.publish(ORDERS, envelope, bytes, trace);
        producer.publish(ORDERS, envelope, bytes, trace);
    }

    /** An OrderPlaced for these SKUs and quantities, total 10.00 EUR per unit. */
    public static OrderPlaced orderPlaced(UUID orderId, Map<String, Integer> quantities) {
        return orderPlaced(
                orderId,
                quantities.entrySet().stream()
                        .map(entry -> StockLine.newBuilder()
                                .setSku(entry.getKey())
                                .setQuantity(entry.getValue())
                                .build())
                        .toList());
    }

    public static OrderPlaced orderPlaced(UUID orderId, List<StockLine> lines) {
        int units = lines.stream().mapToInt(StockLine::getQuantity).sum();
        return OrderPlaced.newBuilder(Events.orderPlaced(orderId))
                .setLines(lines.stream()
                        .map(line -> OrderLine.newBuilder()
                                .setSku(line.getSku())
                                .setQuantity(line.getQuantity())
                                .setUnitPrice(Events.euros("10.00"))
                                .build())
                        .toList())
                .setTotal(Events.euros(BigDecimal.TEN
                        .multiply(BigDecimal.valueOf(units))
                        .setScale(2)
                        .toPlainString()))
                .build();
    }

    /** Everything inventory published about this order, in publication order. */
    public List<SpecificRecord> repliesTo(UUID orderId) {
        String key = orderId.toString();
        return TopicReader.readAll(bootstrapServers, INVENTORY).stream()
                .filter(record -> record.key() != null && key.equals(new String(record.key())))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .map(record -> serde.deserialize(INVENTORY, record.value()))
                .toList();
    }

    /** Everything inventory published, by order id. */
    public Map<String, List<SpecificRecord>> allReplies() {
        return TopicReader.readAll(bootstrapServers, INVENTORY).stream()
                .filter(record -> record.key() != null)
                .collect(Collectors.groupingBy(
                        record -> new String(record.key()),
                        Collectors.mapping(
                                record -> serde.deserialize(INVENTORY, record.value()), Collectors.toList())));
    }

    @Override
    public void close() {
        producer.close();
    }
}
