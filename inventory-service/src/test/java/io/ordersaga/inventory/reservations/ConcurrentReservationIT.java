package io.ordersaga.inventory.reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.events.inventory.InventoryRejected;
import io.ordersaga.events.inventory.InventoryRejectionReason;
import io.ordersaga.events.inventory.InventoryReserved;
import io.ordersaga.events.order.OrderPlaced;
import io.ordersaga.inventory.support.InventoryIntegrationTest;
import io.ordersaga.inventory.support.OrderTopics;
import io.ordersaga.inventory.support.StockFixtures;
import io.ordersaga.inventory.support.StockFixtures.Stock;
import io.ordersaga.messaging.EventSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many orders racing for little stock: the row locks must serialize them so that exactly the stock
 * there is gets reserved. The orders are spread over orders.events' partitions, which four consumer
 * threads handle at once.
 */
@InventoryIntegrationTest
class ConcurrentReservationIT {

    private static final int ORDERS = 200;
    private static final int UNITS = 50;

    @Autowired
    EventSerde serde;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void reservesExactlyTheStockThereIsWhenTwoHundredOrdersRaceForFiftyUnits() {
        var fixtures = new StockFixtures(jdbc);
        String scarce = fixtures.product(UNITS);
        // A second product in every other order: two-product orders lock two rows (in SKU order).
        String plenty = fixtures.product(10_000);
        List<OrderPlaced> orders = IntStream.range(0, ORDERS)
                .mapToObj(i -> OrderTopics.orderPlaced(
                        UUID.randomUUID(), i % 2 == 0 ? Map.of(scarce, 1) : Map.of(scarce, 1, plenty, 1)))
                .toList();
        Set<String> orderIds = orders.stream()
                .map(order -> order.getEnvelope().getOrderId().toString())
                .collect(Collectors.toSet());

        try (var topics = new OrderTopics(bootstrapServers, serde)) {
            topics.publishConcurrently(orders);

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> replies(topics, orderIds).size() == ORDERS);

            List<SpecificRecord> replies = replies(topics, orderIds);
            assertThat(replies).filteredOn(InventoryReserved.class::isInstance).hasSize(UNITS);
            assertThat(replies)
                    .filteredOn(InventoryRejected.class::isInstance)
                    .hasSize(ORDERS - UNITS)
                    .allSatisfy(reply -> {
                        var rejected = (InventoryRejected) reply;
                        assertThat(rejected.getReason()).isEqualTo(InventoryRejectionReason.OUT_OF_STOCK);
                        assertThat(rejected.getUnavailableSkus()).containsExactly(scarce);
                    });
        }
        // A lost update (two orders reading the same counter) would show as more reservations than
        // the counter holds; an oversell cannot even commit (check reserved <= on_hand).
        assertThat(fixtures.stock(scarce)).isEqualTo(new Stock(UNITS, UNITS));
        assertThat(unitsHeldByReservations(scarce)).isEqualTo(UNITS);
        assertThat(fixtures.stock(plenty).reserved()).isEqualTo(unitsHeldByReservations(plenty));
    }

    private int unitsHeldByReservations(String sku) {
        return jdbc.queryForObject("""
                select coalesce(sum((line ->> 'quantity')::int), 0)
                from reservations r cross join lateral jsonb_array_elements(r.lines) line
                where r.status = 'RESERVED' and line ->> 'sku' = ?""", Integer.class, sku);
    }

    /** One reply per order of the race: the first inventory published about each. */
    private static List<SpecificRecord> replies(OrderTopics topics, Set<String> orderIds) {
        return topics.allReplies().entrySet().stream()
                .filter(entry -> orderIds.contains(entry.getKey()))
                .map(entry -> entry.getValue().getFirst())
                .toList();
    }
}
