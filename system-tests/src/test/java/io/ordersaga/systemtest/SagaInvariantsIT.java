package io.ordersaga.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordersaga.systemtest.SagaClient.OrderRequest;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The checker itself: it passes on a quiet saga and names what it finds wrong. */
class SagaInvariantsIT extends SagaSystemTest {

    @Test
    void holdsAfterAConfirmedOrderAndCountsItsMoney() {
        var id = place(OrderRequest.of("LAPTOP-STAND-001", 1, "39.00"));
        awaitStatus(id, "CONFIRMED", SAGA);
        Awaitility.await().atMost(SAGA).until(invariants::quiescent);

        var report = Awaitility.await()
                .atMost(SAGA)
                .until(() -> invariants.check(stock, List.of(id)), InvariantReport::holds);

        assertThat(report.confirmed()).isPositive();
        assertThat(report.captured().subtract(report.refunded())).isEqualByComparingTo(report.confirmedTotal());
        // What each invariant held over, for the load test's summary: real data, not nothing.
        assertThat(report.checked(1)).hasValueSatisfying(text -> assertThat(text)
                .startsWith("%,d orders".formatted(report.orders()))
                .contains("accepted ids looked up: 1;"));
        assertThat(report.checked(2))
                .hasValueSatisfying(text -> assertThat(text).contains(" units reserved now"));
        assertThat(report.checked(3)).hasValueSatisfying(text -> assertThat(text)
                .contains("captured " + report.captured())
                .contains("total " + report.confirmedTotal()));
        assertThat(report.checked(4))
                .hasValueSatisfying(text -> assertThat(text).contains(" e-mails about "));
        assertThat(report.checked(5))
                .hasValueSatisfying(text -> assertThat(text).endsWith(" orders in the search index"));
    }

    @Test
    void reportsAnAcceptedOrderThatIsMissing() {
        var lost = UUID.randomUUID();

        var report = invariants.check(stock, List.of(lost));

        assertThat(report.violations())
                .anySatisfy(violation -> assertThat(violation).startsWith("1:").contains(lost.toString()));
        assertThatThrownBy(report::assertHolds).isInstanceOf(AssertionError.class);
    }

    @Test
    void reportsASecondEmailOfTheSameKindForAnOrder() {
        var id = place(OrderRequest.of("LAPTOP-STAND-001", 1, "39.00"));
        awaitStatus(id, "CONFIRMED", SAGA);
        var mailbox = Mailbox.of(stack.infrastructure().smtp());
        var confirmation = new Mailbox.DeliveredEmail(id, "ORDER_CONFIRMED");
        Awaitility.await().atMost(SAGA).until(() -> mailbox.delivered().contains(confirmation));
        var copies = new java.util.ArrayList<>(mailbox.delivered());
        copies.add(confirmation);
        var checker = new SagaInvariants(
                SagaDatabases.of(stack.infrastructure()),
                SAGA,
                java.util.Optional.of(() -> copies),
                java.util.Optional.empty());

        var report = checker.check(stock);

        assertThat(report.violations()).anySatisfy(violation -> assertThat(violation)
                .startsWith("4:")
                .contains(id.toString())
                .contains("2 e-mails of kind ORDER_CONFIRMED"));
    }

    @Test
    void reportsAShipmentEmailToTheCustomerOfACancelledOrder() {
        var id = place(OrderRequest.of("LAPTOP-STAND-001", 1, "39.00").paidWith("tok_decline_card"));
        awaitStatus(id, "CANCELLED", SAGA);
        var mailbox = Mailbox.of(stack.infrastructure().smtp());
        Awaitility.await().atMost(SAGA).until(() -> mailbox.delivered()
                .contains(new Mailbox.DeliveredEmail(id, "ORDER_CANCELLED")));
        var delivered = new java.util.ArrayList<>(mailbox.delivered());
        delivered.add(new Mailbox.DeliveredEmail(id, "SHIPMENT_SCHEDULED"));
        var checker = new SagaInvariants(
                SagaDatabases.of(stack.infrastructure()),
                SAGA,
                java.util.Optional.of(() -> delivered),
                java.util.Optional.empty());

        var report = checker.check(stock);

        assertThat(report.violations()).singleElement().satisfies(violation -> assertThat(violation)
                .startsWith("4:")
                .contains(id.toString())
                .contains("CANCELLED order")
                .contains("got a SHIPMENT_SCHEDULED e-mail"));
    }

    @Test
    void reportsAnOrderWhoseStatusInTheSearchIndexDiffersFromTheOrderDatabase() {
        var id = place(OrderRequest.of("LAPTOP-STAND-001", 1, "39.00"));
        awaitStatus(id, "CONFIRMED", SAGA);
        var index =
                OrderIndex.elasticsearch(stack.infrastructure().elasticsearch().httpUrl());
        Awaitility.await().atMost(SAGA).until(() -> "CONFIRMED"
                .equals(index.statuses().get(id)));
        var stale = new HashMap<>(index.statuses());
        stale.put(id, "PLACED");
        var checker = new SagaInvariants(
                SagaDatabases.of(stack.infrastructure()),
                SAGA,
                java.util.Optional.empty(),
                java.util.Optional.of(() -> stale));

        var report = checker.check(stock);

        assertThat(report.violations()).singleElement().satisfies(violation -> assertThat(violation)
                .startsWith("5:")
                .contains(id.toString())
                .contains("is CONFIRMED but the search index says PLACED"));
    }

    @Test
    void reportsStockThatDoesNotMatchTheInitialStockMinusTheCommittedUnits() {
        var onHand = new HashMap<>(stock.onHand());
        onHand.merge("KEYBOARD-001", 1, Integer::sum);
        var wrongBaseline = new StockBaseline(onHand, stock.committed());

        var report = invariants.check(wrongBaseline);

        assertThat(report.violations())
                .singleElement()
                .satisfies(violation -> assertThat(violation).startsWith("2:").contains("KEYBOARD-001"));
    }
}
