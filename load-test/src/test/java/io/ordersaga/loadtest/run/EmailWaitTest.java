package io.ordersaga.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordersaga.loadtest.run.EmailStates.Email;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How the load test waits for notification-service's e-mails after the sagas drained, and what it reports. */
class EmailWaitTest {

    private static final Instant LAST_PLACED = Instant.parse("2026-12-07T16:00:00Z");
    private static final Duration POLL = Duration.ofMillis(20);

    private final UUID confirmed = UUID.randomUUID();
    private final UUID cancelled = UUID.randomUUID();
    private final UUID inFlight = UUID.randomUUID();
    private final List<OrderEnd> orders = List.of(
            new OrderEnd(confirmed, "CONFIRMED", null, LAST_PLACED.minusSeconds(2), LAST_PLACED.plusMillis(500)),
            new OrderEnd(cancelled, "CANCELLED", "OUT_OF_STOCK", LAST_PLACED.minusSeconds(2), LAST_PLACED),
            new OrderEnd(inFlight, "PAYMENT_PENDING", null, LAST_PLACED, null));

    @Test
    void waitsUntilEveryEmailTheEndedOrdersAreOwedIsSentAndTimesEachFromItsOrdersEnd() {
        var log = new ScriptedLog(
                Map.of(
                        confirmed,
                        List.of(sent("ORDER_CONFIRMED", 800), new Email("SHIPMENT_SCHEDULED", "PENDING", null))),
                Map.of(
                        confirmed,
                        List.of(sent("ORDER_CONFIRMED", 800), sent("SHIPMENT_SCHEDULED", 2_500)),
                        cancelled,
                        List.of(sent("ORDER_CANCELLED", 1_200))));

        EmailDelivery delivery = wait(log, Duration.ofSeconds(10)).await(orders);

        assertThat(delivery.measured()).isTrue();
        assertThat(delivery.owed()).isEqualTo(3);
        assertThat(delivery.sent()).isEqualTo(3);
        assertThat(delivery.failed()).isZero();
        assertThat(delivery.outstanding()).isZero();
        // 300 and 2,000 ms after the confirmed order's end, 1,200 after the cancelled one's.
        assertThat(delivery.afterOrderEnd()).isEqualTo(new Percentiles(3, 1_200, 2_000, 2_000, 2_000));
        assertThat(delivery.drainMillis()).isEqualTo(2_500);
        assertThat(log.asked.getFirst()).containsExactlyInAnyOrder(confirmed, cancelled);
    }

    @Test
    void asksOnlyForTheOrdersWhoseEmailsAreStillOwed() {
        var log = new ScriptedLog(
                Map.of(cancelled, List.of(sent("ORDER_CANCELLED", 100))),
                Map.of(
                        cancelled,
                        List.of(sent("ORDER_CANCELLED", 100)),
                        confirmed,
                        List.of(sent("ORDER_CONFIRMED", 900), sent("SHIPMENT_SCHEDULED", 900))));

        wait(log, Duration.ofSeconds(10)).await(orders);

        assertThat(log.asked).hasSize(2);
        assertThat(log.asked.get(1)).containsExactly(confirmed);
    }

    @Test
    void anEmailGivenUpOnIsSettledAndAWithdrawnShipmentNoticeIsNotOwed() {
        var log = new ScriptedLog(Map.of(
                confirmed,
                List.of(new Email("ORDER_CONFIRMED", "FAILED", null), sent("SHIPMENT_SCHEDULED", 700)),
                cancelled,
                List.of(new Email("SHIPMENT_SCHEDULED", "WITHDRAWN", null), sent("ORDER_CANCELLED", 400))));

        EmailDelivery delivery = wait(log, Duration.ofSeconds(10)).await(orders);

        assertThat(delivery.owed()).isEqualTo(3);
        assertThat(delivery.sent()).isEqualTo(2);
        assertThat(delivery.failed()).isEqualTo(1);
        assertThat(delivery.outstanding()).isZero();
        assertThat(delivery.drainMillis()).isEqualTo(700);
        assertThat(log.asked).hasSize(1);
    }

    @Test
    void givesUpWhenNoOrdersEmailsSettleForTheSettleTimeAndCountsWhatIsStillOwed() {
        var log = new ScriptedLog(Map.of(
                confirmed,
                List.of(sent("ORDER_CONFIRMED", 300), new Email("SHIPMENT_SCHEDULED", "HELD", null)),
                cancelled,
                List.of(sent("ORDER_CANCELLED", 200))));
        Instant lastPlaced = Instant.now().minusSeconds(5);
        var placedFiveSecondsAgo = List.of(
                new OrderEnd(confirmed, "CONFIRMED", null, lastPlaced.minusSeconds(2), lastPlaced),
                new OrderEnd(cancelled, "CANCELLED", "OUT_OF_STOCK", lastPlaced, lastPlaced.plusMillis(100)));

        EmailDelivery delivery = wait(log, Duration.ofMillis(300)).await(placedFiveSecondsAgo);

        assertThat(delivery.owed()).isEqualTo(3);
        assertThat(delivery.sent()).isEqualTo(2);
        assertThat(delivery.outstanding()).isEqualTo(1);
        // Until the wait gave up, 300 ms without progress after the first read: not until the last
        // e-mail that did go out.
        assertThat(delivery.drainMillis()).isBetween(5_300L, 60_000L);
    }

    @Test
    void ordersStillInFlightAreOwedNoEmailSoTheLogIsNotRead() {
        var log = new ScriptedLog(Map.of());

        EmailDelivery delivery = wait(log, Duration.ofSeconds(10))
                .await(List.of(new OrderEnd(inFlight, "PLACED", null, LAST_PLACED, null)));

        assertThat(delivery.owed()).isZero();
        assertThat(delivery.outstanding()).isZero();
        assertThat(delivery.drainMillis()).isZero();
        assertThat(log.asked).isEmpty();
    }

    private static EmailWait wait(EmailStates log, Duration settle) {
        return new EmailWait(log, POLL, settle, Duration.ofMinutes(1));
    }

    private static Email sent(String kind, long millisAfterLastPlaced) {
        return new Email(kind, "SENT", LAST_PLACED.plusMillis(millisAfterLastPlaced));
    }

    /** Answers each poll with the next of its states, the last one from then on; records what was asked. */
    private static final class ScriptedLog implements EmailStates {

        private final List<Map<UUID, List<Email>>> states;
        final List<Set<UUID>> asked = new CopyOnWriteArrayList<>();

        @SafeVarargs
        ScriptedLog(Map<UUID, List<Email>>... states) {
            this.states = List.of(states);
        }

        @Override
        public Map<UUID, List<Email>> find(Collection<UUID> orderIds) {
            asked.add(Set.copyOf(orderIds));
            var state = states.isEmpty()
                    ? Map.<UUID, List<Email>>of()
                    : states.get(Math.min(asked.size(), states.size()) - 1);
            var found = new java.util.HashMap<UUID, List<Email>>();
            state.forEach((id, emails) -> {
                if (orderIds.contains(id)) {
                    found.put(id, new ArrayList<>(emails));
                }
            });
            return found;
        }
    }
}
