package io.ordersaga.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ordersaga.events.common.EventEnvelope;
import io.ordersaga.events.order.CancellationReason;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.Traceparent;
import io.ordersaga.messaging.testapp.EventProducer;
import io.ordersaga.messaging.testapp.TopicReader;
import io.ordersaga.order.orders.OrderManagement;
import io.ordersaga.order.orders.OrderStatus;
import io.ordersaga.order.orders.SagaStep;
import io.ordersaga.order.orders.TimelineEntry;
import io.ordersaga.order.support.OrderRequests;
import io.ordersaga.order.support.OrdersClient;
import io.ordersaga.order.support.Replies;
import io.ordersaga.order.support.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service integration tier, through Kafka: the participants' replies are published on their topics
 * as their services publish them, and what the order service publishes is read back from {@code
 * orders.events}, relayed from the outbox by the real relay.
 */
@ServiceIntegrationTest
class OrderMessagingIT {

    private static final String ORDERS = "orders.events";
    private static final Duration RELAYED = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    OrderManagement management;

    @Autowired
    EventSerde serde;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    OrdersClient client;
    EventProducer participants;

    @BeforeEach
    void connect() {
        client = new OrdersClient(port, json);
        participants = new EventProducer(bootstrapServers, serde);
    }

    @AfterEach
    void close() {
        participants.close();
    }

    @Test
    void publishesOrderPlacedWithEverythingTheParticipantsNeed() {
        var orderId = place();

        var placed = await().atMost(RELAYED).until(() -> published(orderId), events -> !events.isEmpty());

        assertThat(placed).hasSize(1);
        var record = placed.getFirst();
        assertThat(record.key()).isEqualTo(orderId.toString());
        assertThat(header(record.record(), Traceparent.HEADER)).isNotBlank();
        var event = (OrderPlaced) record.event();
        var envelope = event.getEnvelope();
        assertThat(envelope.getOrderId()).isEqualTo(orderId);
        // Time-ordered ids (docs/performance.md, the twenty-first round): the outbox's and every
        // inbox's index on the event id, and every service's on the order id, grow at one end.
        assertThat(orderId.version()).isEqualTo(7);
        assertThat(envelope.getEventId().version()).isEqualTo(7);
        assertThat(envelope.getEventType()).isEqualTo("OrderPlaced");
        assertThat(envelope.getSchemaVersion()).isEqualTo(1);
        assertThat(envelope.getCausationId()).isNull();
        var order = management.find(orderId).orElseThrow();
        assertThat(envelope.getOccurredAt()).isEqualTo(order.placedAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(event.getCustomerId()).isEqualTo("customer-1");
        assertThat(event.getCustomerEmail()).isEqualTo("ada@example.com");
        assertThat(event.getTotal().getAmount()).isEqualByComparingTo("25.50");
        assertThat(event.getTotal().getCurrency()).isEqualTo("EUR");
        assertThat(event.getLines())
                .extracting(line -> line.getSku(), line -> line.getQuantity(), line -> line.getUnitPrice()
                        .getAmount()
                        .toPlainString())
                .containsExactly(tuple("SKU-1", 2, "10.25"), tuple("SKU-2", 1, "5.00"));
        assertThat(event.getShippingAddress().getCountry()).isEqualTo("DE");
        assertThat(event.getShippingAddress().getPostalCode()).isEqualTo("10115");
        assertThat(event.getPaymentToken()).isEqualTo("tok_visa");
    }

    @Test
    void confirmsAnOrderFromTheParticipantsRepliesAndPublishesOrderConfirmedInTheShipmentsTrace() {
        var orderId = place();
        var shipment = Replies.shipmentScheduled(orderId, "TRACK-" + orderId);
        var trace = Traceparent.start();

        participants.publish(Replies.INVENTORY, Replies.inventoryReserved(orderId));
        participants.publish(Replies.PAYMENTS, Replies.paymentAuthorized(orderId));
        awaitStatus(orderId, OrderStatus.PAYMENT_AUTHORIZED);
        participants.publish(Replies.SHIPMENTS, shipment, trace);

        awaitStatus(orderId, OrderStatus.CONFIRMED);
        var order = management.find(orderId).orElseThrow();
        assertThat(order.trackingNumber()).contains("TRACK-" + orderId);
        assertThat(order.timeline())
                .extracting(TimelineEntry::step)
                .containsExactly(
                        SagaStep.PLACED,
                        SagaStep.INVENTORY_RESERVED,
                        SagaStep.PAYMENT_AUTHORIZED,
                        SagaStep.SHIPMENT_SCHEDULED,
                        SagaStep.CONFIRMED);
        var confirmed = awaitPublished(orderId, OrderConfirmed.class);
        var event = (OrderConfirmed) confirmed.event();
        assertThat(event.getEnvelope().getCausationId())
                .isEqualTo(shipment.getEnvelope().getEventId());
        assertThat(event.getTrackingNumber()).isEqualTo("TRACK-" + orderId);
        assertThat(event.getTotal().getAmount()).isEqualByComparingTo("25.50");
        assertThat(Traceparent.parseOrStart(header(confirmed.record(), Traceparent.HEADER))
                        .traceId())
                .isEqualTo(trace.traceId());
    }

    /** Each failure reply, and a success reply published on the same topic after it. */
    static Stream<Arguments> failureReplies() {
        return Stream.of(
                Arguments.of(
                        Replies.INVENTORY,
                        (Function<UUID, SpecificRecord>) Replies::inventoryRejected,
                        (Function<UUID, SpecificRecord>) Replies::inventoryReserved,
                        CancellationReason.OUT_OF_STOCK),
                Arguments.of(
                        Replies.PAYMENTS,
                        (Function<UUID, SpecificRecord>) Replies::paymentFailed,
                        (Function<UUID, SpecificRecord>) Replies::paymentAuthorized,
                        CancellationReason.PAYMENT_DECLINED),
                Arguments.of(
                        Replies.SHIPMENTS,
                        (Function<UUID, SpecificRecord>) Replies::shipmentFailed,
                        (Function<UUID, SpecificRecord>) id -> Replies.shipmentScheduled(id, "TRACK-LATE"),
                        CancellationReason.SHIPPING_UNAVAILABLE));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("failureReplies")
    void cancelsWithTheFailuresReasonOnceWhenTheFailureIsDeliveredTwiceAndIgnoresALateSuccess(
            String topic,
            Function<UUID, SpecificRecord> failure,
            Function<UUID, SpecificRecord> lateSuccess,
            CancellationReason reason) {
        var orderId = place();
        var reply = failure.apply(orderId);
        var replyEnvelope = envelope(reply);
        var bytes = participants.serialize(topic, reply);

        participants.publish(topic, replyEnvelope, bytes, Traceparent.start());
        participants.publish(topic, replyEnvelope, bytes, Traceparent.start());
        // Same topic, same key: applied after both copies, so once it is, the duplicate was too.
        var late = lateSuccess.apply(orderId);
        participants.publish(topic, late);
        awaitApplied(envelope(late).getEventId());

        var order = management.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason().map(Enum::name)).contains(reason.name());
        assertThat(order.timeline()).hasSize(3);
        var event =
                (OrderCancelled) awaitPublished(orderId, OrderCancelled.class).event();
        assertThat(event.getReason()).isEqualTo(reason);
        assertThat(event.getEnvelope().getCausationId()).isEqualTo(replyEnvelope.getEventId());
        assertThat(event.getTotal().getAmount()).isEqualByComparingTo("25.50");
        assertThat(event.getCustomerEmail()).isEqualTo("ada@example.com");
        assertThat(publishedTypes(orderId)).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void confirmsOnceWhenEveryReplyIsDeliveredTwiceAndIgnoresFailuresAfterwards() {
        var orderId = place();
        var replies = List.of(
                new Delivery(Replies.INVENTORY, Replies.inventoryReserved(orderId)),
                new Delivery(Replies.PAYMENTS, Replies.paymentAuthorized(orderId)),
                new Delivery(Replies.SHIPMENTS, Replies.shipmentScheduled(orderId, "TRACK-TWICE")));

        for (var delivery : replies) {
            var bytes = participants.serialize(delivery.topic(), delivery.event());
            var envelope = envelope(delivery.event());
            participants.publish(delivery.topic(), envelope, bytes, Traceparent.start());
            participants.publish(delivery.topic(), envelope, bytes, Traceparent.start());
        }
        awaitStatus(orderId, OrderStatus.CONFIRMED);
        // A failure on each topic after the duplicates: once applied, every duplicate was too.
        var lateFailures = List.of(
                new Delivery(Replies.INVENTORY, Replies.inventoryRejected(orderId)),
                new Delivery(Replies.PAYMENTS, Replies.paymentFailed(orderId)),
                new Delivery(Replies.SHIPMENTS, Replies.shipmentFailed(orderId)));
        lateFailures.forEach(delivery -> participants.publish(delivery.topic(), delivery.event()));
        lateFailures.forEach(delivery -> awaitApplied(envelope(delivery.event()).getEventId()));

        var order = management.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.timeline()).hasSize(5);
        awaitPublished(orderId, OrderConfirmed.class);
        assertThat(publishedTypes(orderId)).containsExactly("OrderPlaced", "OrderConfirmed");
    }

    @Test
    void movesForwardWhenPaymentAuthorizedOvertakesInventoryReserved() {
        var orderId = place();
        var reserved = Replies.inventoryReserved(orderId);

        participants.publish(Replies.PAYMENTS, Replies.paymentAuthorized(orderId));
        awaitStatus(orderId, OrderStatus.PAYMENT_AUTHORIZED);
        participants.publish(Replies.INVENTORY, reserved);
        awaitApplied(reserved.getEnvelope().getEventId());

        var order = management.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
        assertThat(order.timeline())
                .extracting(TimelineEntry::step)
                .containsExactly(SagaStep.PLACED, SagaStep.PAYMENT_AUTHORIZED);
    }

    @Test
    void ignoresRepliesThatArriveAfterTheCustomerCancelled() {
        var orderId = place();
        participants.publish(Replies.INVENTORY, Replies.inventoryReserved(orderId));
        awaitStatus(orderId, OrderStatus.INVENTORY_RESERVED);
        assertThat(client.post("/orders/" + orderId + "/cancel", null, null).status())
                .isEqualTo(200);
        var lateAuthorization = Replies.paymentAuthorized(orderId);
        var lateShipment = Replies.shipmentScheduled(orderId, "TRACK-LATE");

        participants.publish(Replies.PAYMENTS, lateAuthorization);
        participants.publish(Replies.SHIPMENTS, lateShipment);
        awaitApplied(lateAuthorization.getEnvelope().getEventId());
        awaitApplied(lateShipment.getEnvelope().getEventId());

        var order = management.find(orderId).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancellationReason().map(Enum::name)).contains("CUSTOMER_REQUEST");
        assertThat(order.trackingNumber()).isEmpty();
        var cancelled =
                (OrderCancelled) awaitPublished(orderId, OrderCancelled.class).event();
        assertThat(cancelled.getReason()).isEqualTo(CancellationReason.CUSTOMER_REQUEST);
        assertThat(cancelled.getEnvelope().getCausationId()).isNull();
        assertThat(publishedTypes(orderId)).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void deadLettersAReplyForAnOrderItDoesNotKnowAfterRetrying() {
        var unknown = UUID.randomUUID();

        participants.publish(Replies.INVENTORY, Replies.inventoryReserved(unknown));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> keys(Replies.INVENTORY + ".DLT").contains(unknown.toString()));
        assertThat(management.find(unknown)).isEmpty();
    }

    @Test
    void deadLettersAShipmentScheduledWithoutATrackingNumberAndKeepsTheOrderInFlight() {
        var orderId = place();
        participants.publish(Replies.INVENTORY, Replies.inventoryReserved(orderId));
        participants.publish(Replies.PAYMENTS, Replies.paymentAuthorized(orderId));
        awaitStatus(orderId, OrderStatus.PAYMENT_AUTHORIZED);

        participants.publish(Replies.SHIPMENTS, Replies.shipmentScheduled(orderId, " "));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> keys(Replies.SHIPMENTS + ".DLT").contains(orderId.toString()));
        assertThat(management.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
    }

    @Test
    void deadLettersAPaymentAuthorizedForAnotherAmountThanTheTotalAndKeepsTheOrderInFlight() {
        var orderId = place();
        participants.publish(Replies.INVENTORY, Replies.inventoryReserved(orderId));
        awaitStatus(orderId, OrderStatus.INVENTORY_RESERVED);

        participants.publish(Replies.PAYMENTS, Replies.paymentAuthorized(orderId, new BigDecimal("20.00")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> keys(Replies.PAYMENTS + ".DLT").contains(orderId.toString()));
        assertThat(management.find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.INVENTORY_RESERVED);
        // The right amount, sent after it on the same partition, still moves the order on.
        participants.publish(Replies.PAYMENTS, Replies.paymentAuthorized(orderId));
        awaitStatus(orderId, OrderStatus.PAYMENT_AUTHORIZED);
    }

    record Delivery(String topic, SpecificRecord event) {}

    /** One event the order service published, decoded, with the record it came in. */
    record Published(ConsumerRecord<byte[], byte[]> record, SpecificRecord event) {

        String key() {
            return new String(record.key(), StandardCharsets.UTF_8);
        }
    }

    private UUID place() {
        var response = client.placeOrder(OrderRequests.valid());
        assertThat(response.status()).isEqualTo(202);
        return UUID.fromString(response.json().get("orderId").asString());
    }

    private void awaitStatus(UUID orderId, OrderStatus status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> management.find(orderId).orElseThrow().status() == status);
    }

    /** Until the order service's consumer has applied (or skipped as a duplicate) the event. */
    private void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from inbox where consumer = 'order' and event_id = ?")
                                .param(eventId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private Published awaitPublished(UUID orderId, Class<? extends SpecificRecord> type) {
        return await().atMost(RELAYED)
                .until(
                        () -> published(orderId).stream()
                                .filter(p -> type.isInstance(p.event()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** What was published on orders.events for the order, in the order it was published. */
    private List<Published> published(UUID orderId) {
        return TopicReader.readAll(bootstrapServers, ORDERS).stream()
                .filter(record -> orderId.toString().equals(new String(record.key(), StandardCharsets.UTF_8)))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .map(record -> new Published(record, serde.deserialize(ORDERS, record.value())))
                .toList();
    }

    private List<String> publishedTypes(UUID orderId) {
        return published(orderId).stream()
                .map(p -> p.event().getSchema().getName())
                .toList();
    }

    private List<String> keys(String topic) {
        return TopicReader.readAll(bootstrapServers, topic).stream()
                .filter(record -> record.key() != null)
                .map(record -> new String(record.key(), StandardCharsets.UTF_8))
                .toList();
    }

    private static EventEnvelope envelope(SpecificRecord event) {
        return (EventEnvelope) event.get(0);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
