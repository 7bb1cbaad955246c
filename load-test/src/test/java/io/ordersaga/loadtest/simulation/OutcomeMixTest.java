package io.ordersaga.loadtest.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeMixTest {

    @Test
    void everyWindowOfOneHundredOrdersHasExactlyTheDefaultMix() {
        var sequence = OutcomeMix.DEFAULT.sequence();
        for (int window = 0; window < 5; window++) {
            var counts = new EnumMap<Outcome, Integer>(Outcome.class);
            for (int i = 0; i < 100; i++) {
                counts.merge(sequence.get(), 1, Integer::sum);
            }
            assertThat(counts)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            Outcome.CONFIRMED, 85,
                            Outcome.OUT_OF_STOCK, 5,
                            Outcome.PAYMENT_DECLINED, 5,
                            Outcome.SHIPPING_UNAVAILABLE, 3,
                            Outcome.CUSTOMER_CANCEL, 2));
        }
    }

    @Test
    void spreadsTheRareOutcomesInsteadOfBunchingThem() {
        var sequence = OutcomeMix.DEFAULT.sequence();
        int longestRunOfFailures = 0;
        int run = 0;
        for (int i = 0; i < 100; i++) {
            run = sequence.get() == Outcome.CONFIRMED ? 0 : run + 1;
            longestRunOfFailures = Math.max(longestRunOfFailures, run);
        }
        assertThat(longestRunOfFailures).isEqualTo(1);
    }

    @Test
    void countsTheExpectedOrdersOfAnOutcomeInAPartialWindow() {
        var mix = OutcomeMix.DEFAULT;
        var sequence = mix.sequence();
        long declined = 0;
        for (int i = 0; i < 1234; i++) {
            if (sequence.get() == Outcome.PAYMENT_DECLINED) {
                declined++;
            }
        }
        assertThat(mix.expected(Outcome.PAYMENT_DECLINED, 1234)).isEqualTo(declined);
    }

    @Test
    void parsesItsOwnTextAndLeavesOutZeroWeights() {
        var mix = OutcomeMix.parse("confirmed=90, payment-declined=10, customer-cancel=0");

        assertThat(mix.total()).isEqualTo(100);
        assertThat(mix.weight(Outcome.CUSTOMER_CANCEL)).isZero();
        assertThat(OutcomeMix.parse(mix.toString())).isEqualTo(mix);
        assertThat(OutcomeMix.parse(OutcomeMix.DEFAULT.toString())).isEqualTo(OutcomeMix.DEFAULT);
    }

    @Test
    void rejectsUnknownOutcomesAndEmptyMixes() {
        assertThatThrownBy(() -> OutcomeMix.parse("confirmed=80,lost-in-the-mail=20"))
                .hasMessageContaining("lost-in-the-mail");
        assertThatThrownBy(() -> OutcomeMix.parse("confirmed=0")).hasMessageContaining("no outcome");
        assertThatThrownBy(() -> OutcomeMix.parse("confirmed")).hasMessageContaining("outcome=weight");
    }
}
