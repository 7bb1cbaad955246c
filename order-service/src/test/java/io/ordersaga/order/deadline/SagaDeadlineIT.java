package io.ordersaga.order.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ordersaga.order.orders.CancellationReason;
import io.ordersaga.order.orders.OrderLine;
import io.ordersaga.order.orders.OrderManagement;
import io.ordersaga.order.orders.OrderStatus;
import io.ordersaga.order.orders.PlaceOrder;
import io.ordersaga.order.orders.SagaStep;
import io.ordersaga.order.orders.ShippingAddress;
import io.ordersaga.order.orders.TimelineEntry;
import io.ordersaga.order.support.RecordingOrderEvents;
import io.ordersaga.order.support.RecordingOrderEvents.Kind;
import io.ordersaga.order.support.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service integration tier: the saga deadline, shortened to 5 s. Its own context (closed afterwards)
 * so the short deadline never reaches the other tests' orders.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"orders.deadline.timeout=5s", "orders.deadline.check-interval=200ms"})
@DirtiesContext
class SagaDeadlineIT {

    @Autowired
    OrderManagement management;

    @Autowired
    RecordingOrderEvents events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private UUID place() {
        return management
                .place(
                        new PlaceOrder(
                                "customer-1",
                                "ada@example.com",
                                List.of(new OrderLine("SKU-1", 1, new BigDecimal("9.99"))),
                                "EUR",
                                new ShippingAddress("Ada Lovelace", "1 Main St", "Berlin", "10115", "DE"),
                                "tok_visa"),
                        Optional.empty())
                .id();
    }

    @Test
    void cancelsAnOrderStuckInFlightPastItsDeadlineWithTimeout() {
        var stuck = place();
        management.inventoryReserved(stuck, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> management.find(stuck).orElseThrow().status() == OrderStatus.CANCELLED);

        var order = management.find(stuck).orElseThrow();
        assertThat(order.cancellationReason()).contains(CancellationReason.TIMEOUT);
        assertThat(order.sagaDuration())
                .hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(order.timeline())
                .extracting(TimelineEntry::step)
                .containsExactly(
                        SagaStep.PLACED, SagaStep.INVENTORY_RESERVED, SagaStep.DEADLINE_PASSED, SagaStep.CANCELLED);
        assertThat(events.of(stuck))
                .extracting(RecordingOrderEvents.Published::kind)
                .containsExactly(Kind.PLACED, Kind.CANCELLED);
        assertThat(events.of(stuck).getLast().reason()).isEqualTo(CancellationReason.TIMEOUT);
    }

    @Test
    void leavesAnOrderThatEndedBeforeItsDeadlineAlone() {
        var confirmed = place();
        management.shipmentScheduled(confirmed, UUID.randomUUID(), "TRACK-1");
        var stuck = place();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> management.find(stuck).orElseThrow().status() == OrderStatus.CANCELLED);

        assertThat(management.find(confirmed).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(events.of(confirmed))
                .extracting(RecordingOrderEvents.Published::kind)
                .containsExactly(Kind.PLACED, Kind.CONFIRMED);
    }

    @Test
    void skipsAnOverdueOrderAnotherInstanceHoldsAndExpiresTheRest() throws Exception {
        var held = place();
        var free = place();
        var future = Instant.now().plusSeconds(3600);
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var executor = Executors.newSingleThreadExecutor()) {
            // Another instance's deadline batch (or a reply handler) holds the row lock of one order.
            var holder = executor.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("select id from orders where id = :id for update")
                        .param("id", held)
                        .query()
                        .listOfRows();
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();

            // Every order placed so far is overdue for this cutoff; the held one must not block the batch.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> management.expireOverdue(future, 1000));

            assertThat(management.find(free).orElseThrow().cancellationReason()).contains(CancellationReason.TIMEOUT);
            assertThat(management.find(held).orElseThrow().status()).isNotEqualTo(OrderStatus.CANCELLED);
            release.countDown();
            holder.get();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> management.find(held).orElseThrow().status() == OrderStatus.CANCELLED);
        assertThat(events.of(held))
                .extracting(RecordingOrderEvents.Published::kind)
                .containsExactly(Kind.PLACED, Kind.CANCELLED);
    }
}
