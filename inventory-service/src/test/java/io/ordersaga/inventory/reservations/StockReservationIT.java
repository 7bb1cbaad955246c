package io.ordersaga.inventory.reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ordersaga.events.common.StockLine;
import io.ordersaga.events.inventory.InventoryRejected;
import io.ordersaga.events.inventory.InventoryRejectionReason;
import io.ordersaga.events.inventory.InventoryReleased;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderConfirmed;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.inventory.support.InventoryIntegrationTest;
import io.ordersaga.inventory.support.OrderTopics;
import io.ordersaga.inventory.support.StockFixtures;
import io.ordersaga.inventory.support.StockFixtures.Stock;
import io.ordersaga.messaging.EventSerde;
import io.ordersaga.messaging.testapp.Events;
import io.ordersaga.messaging.testapp.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inventory's part of the saga, end to end through the real topics: order events published to
 * orders.events as the order service's relay would, replies read back from inventory.events after
 * inventory's own relay published them.
 */
@InventoryIntegrationTest
class StockReservationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EventSerde serde;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    OrderTopics topics;
    StockFixtures fixtures;

    @BeforeEach
    void connect() {
        topics = new OrderTopics(bootstrapServers, serde);
        fixtures = new StockFixtures(jdbc);
    }

    @AfterEach
    void disconnect() {
        topics.close();
    }

    @Test
    void reservesAvailableStockAndPassesTheOrderOnToPayment() {
        String book = fixtures.product(10);
        String mug = fixtures.product(5);
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = OrderTopics.orderPlaced(orderId, Map.of(book, 2, mug, 5));

        topics.publish(placed);

        var reserved = (InventoryReserved) awaitReply(orderId);
        assertThat(reserved.getEnvelope().getEventType()).isEqualTo("InventoryReserved");
        assertThat(reserved.getEnvelope().getOrderId()).isEqualTo(orderId);
        assertThat(reserved.getEnvelope().getCausationId())
                .isEqualTo(placed.getEnvelope().getEventId());
        assertThat(reserved.getEnvelope().getSchemaVersion()).isEqualTo(1);
        assertThat(reserved.getReservationId()).isNotBlank();
        assertThat(reserved.getLines())
                .extracting(StockLine::getSku, StockLine::getQuantity)
                .containsExactlyInAnyOrder(tuple(book, 2), tuple(mug, 5));
        assertThat(reserved.getTotal()).isEqualTo(placed.getTotal());
        assertThat(reserved.getPaymentToken()).isEqualTo(placed.getPaymentToken());
        assertThat(reserved.getCustomerEmail()).isEqualTo(placed.getCustomerEmail());
        assertThat(reserved.getShippingAddress()).isEqualTo(placed.getShippingAddress());

        assertThat(fixtures.stock(book)).isEqualTo(new Stock(10, 2));
        assertThat(fixtures.stock(mug)).isEqualTo(new Stock(5, 5));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("RESERVED");
    }

    @Test
    void rejectsTheWholeOrderWhenOneLineLacksStockAndReservesNothing() {
        String plenty = fixtures.product(100);
        String scarce = fixtures.product(1);
        UUID orderId = UUID.randomUUID();

        topics.publish(OrderTopics.orderPlaced(orderId, Map.of(plenty, 3, scarce, 2)));

        var rejected = (InventoryRejected) awaitReply(orderId);
        assertThat(rejected.getReason()).isEqualTo(InventoryRejectionReason.OUT_OF_STOCK);
        assertThat(rejected.getUnavailableSkus()).containsExactly(scarce);
        assertThat(fixtures.stock(plenty)).isEqualTo(new Stock(100, 0));
        assertThat(fixtures.stock(scarce)).isEqualTo(new Stock(1, 0));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("REJECTED");
    }

    @Test
    void rejectsAnOrderForAProductThatIsNotInTheCatalog() {
        String known = fixtures.product(10);
        UUID orderId = UUID.randomUUID();

        topics.publish(OrderTopics.orderPlaced(orderId, Map.of(known, 1, "NO-SUCH-SKU", 1)));

        var rejected = (InventoryRejected) awaitReply(orderId);
        assertThat(rejected.getReason()).isEqualTo(InventoryRejectionReason.UNKNOWN_SKU);
        assertThat(rejected.getUnavailableSkus()).containsExactly("NO-SUCH-SKU");
        assertThat(fixtures.stock(known)).isEqualTo(new Stock(10, 0));
    }

    @Test
    void addsUpLinesOfTheSameProductBeforeCheckingStock() {
        String sku = fixtures.product(3);
        UUID orderId = UUID.randomUUID();
        var line = StockLine.newBuilder().setSku(sku).setQuantity(2).build();

        topics.publish(OrderTopics.orderPlaced(orderId, List.of(line, line)));

        var rejected = (InventoryRejected) awaitReply(orderId);
        assertThat(rejected.getReason()).isEqualTo(InventoryRejectionReason.OUT_OF_STOCK);
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(3, 0));
    }

    @Test
    void releasesTheReservedStockWhenTheOrderIsCancelled() {
        String sku = fixtures.product(10);
        UUID orderId = UUID.randomUUID();
        topics.publish(OrderTopics.orderPlaced(orderId, Map.of(sku, 4)));
        var reserved = (InventoryReserved) awaitReply(orderId);
        OrderCancelled cancelled = Events.orderCancelled(orderId);

        topics.publish(cancelled);

        await().atMost(PATIENCE).until(() -> topics.repliesTo(orderId).size() == 2);
        var released = (InventoryReleased) topics.repliesTo(orderId).get(1);
        assertThat(released.getReservationId()).isEqualTo(reserved.getReservationId());
        assertThat(released.getEnvelope().getCausationId())
                .isEqualTo(cancelled.getEnvelope().getEventId());
        assertThat(released.getLines())
                .extracting(StockLine::getSku, StockLine::getQuantity)
                .containsExactly(tuple(sku, 4));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(10, 0));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("RELEASED");
    }

    @Test
    void takesTheReservedUnitsOutOfStockWhenTheOrderIsConfirmed() {
        String sku = fixtures.product(10);
        UUID orderId = UUID.randomUUID();
        topics.publish(OrderTopics.orderPlaced(orderId, Map.of(sku, 4)));
        awaitReply(orderId);
        OrderConfirmed confirmed = Events.orderConfirmed(orderId);

        topics.publish(confirmed);

        await().atMost(PATIENCE).until(() -> "COMMITTED".equals(fixtures.reservationStatus(orderId)));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(6, 0));
    }

    @Test
    void neitherReleasesNorCommitsAConfirmedOrderAgain() {
        String sku = fixtures.product(10);
        UUID orderId = UUID.randomUUID();
        topics.publish(OrderTopics.orderPlaced(orderId, Map.of(sku, 4)));
        awaitReply(orderId);
        OrderCancelled cancelledAfterwards = Events.orderCancelled(orderId);

        topics.publish(Events.orderConfirmed(orderId));
        topics.publish(Events.orderConfirmed(orderId));
        // A cancellation after the confirmation breaks the contract; it must not put shipped units back.
        topics.publish(cancelledAfterwards);

        // One order's events share a partition: once the last is handled, so are the others.
        await().atMost(PATIENCE)
                .until(() -> fixtures.handled(cancelledAfterwards.getEnvelope().getEventId()));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(6, 0));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("COMMITTED");
        assertRepliesStayAt(orderId, 1);
    }

    @Test
    void reservesOnceWhenOrderPlacedIsDeliveredTwice() {
        String sku = fixtures.product(10);
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = OrderTopics.orderPlaced(orderId, Map.of(sku, 3));
        OrderConfirmed next = Events.orderConfirmed(orderId);

        topics.publishTwice(placed);
        topics.publish(next);

        await().atMost(PATIENCE).until(() -> fixtures.handled(next.getEnvelope().getEventId()));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(7, 0));
        assertRepliesStayAt(orderId, 1);
        assertThat(topics.repliesTo(orderId)).first().isInstanceOf(InventoryReserved.class);
    }

    @Test
    void reservesNothingForAnOrderWhoseCancellationArrivedFirst() {
        String sku = fixtures.product(10);
        UUID orderId = UUID.randomUUID();
        OrderPlaced placedLate = OrderTopics.orderPlaced(orderId, Map.of(sku, 3));

        topics.publish(Events.orderCancelled(orderId));
        topics.publish(placedLate);

        await().atMost(PATIENCE)
                .until(() -> fixtures.handled(placedLate.getEnvelope().getEventId()));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("CANCELLED_BEFORE_RESERVE");
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(10, 0));
        assertRepliesStayAt(orderId, 0);
    }

    @Test
    void deadLettersAnOrderWithANonPositiveQuantityWithoutReservingAnything() {
        String sku = fixtures.product(10);
        UUID orderId = UUID.randomUUID();

        topics.publish(OrderTopics.orderPlaced(orderId, Map.of(sku, 0)));

        await().atMost(PATIENCE).until(() -> TopicReader.readAll(bootstrapServers, OrderTopics.ORDERS + ".DLT").stream()
                .anyMatch(record -> orderId.toString().equals(new String(record.key()))));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(10, 0));
        assertThat(fixtures.reservationStatus(orderId)).isNull();
        assertRepliesStayAt(orderId, 0);
    }

    /** The relay publishes after the commit: give a wrong extra reply the time to show up. */
    private void assertRepliesStayAt(UUID orderId, int count) {
        await().during(Duration.ofSeconds(1))
                .atMost(PATIENCE)
                .until(() -> topics.repliesTo(orderId).size() == count);
    }

    private SpecificRecord awaitReply(UUID orderId) {
        await().atMost(PATIENCE).until(() -> !topics.repliesTo(orderId).isEmpty());
        return topics.repliesTo(orderId).getFirst();
    }
}
