package io.ordersaga.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheNearestRank() {
        var values = LongStream.rangeClosed(1, 1000).boxed().toList();

        var percentiles = Percentiles.of(values);

        assertThat(percentiles).isEqualTo(new Percentiles(1000, 500, 950, 990, 1000));
    }

    @Test
    void aSingleSlowValueInAHundredIsTheMaxButNotTheP99() {
        var values = new java.util.ArrayList<>(
                LongStream.range(0, 99).map(i -> 10).boxed().toList());
        values.add(5000L);

        var percentiles = Percentiles.of(values);

        assertThat(percentiles.p99Millis()).isEqualTo(10);
        assertThat(percentiles.maxMillis()).isEqualTo(5000);
    }

    @Test
    void isEmptyForNoValues() {
        assertThat(Percentiles.of(List.of())).isEqualTo(Percentiles.NONE);
    }
}
