package io.ordersaga.loadtest.run;

import java.util.Arrays;
import java.util.Collection;

/**
 * The distribution of a set of latencies, by nearest rank: the p-th percentile is the smallest value
 * that at least p% of the values do not exceed. Exact, not from a histogram.
 */
public record Percentiles(long count, long p50Millis, long p95Millis, long p99Millis, long maxMillis) {

    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

    public static Percentiles of(Collection<Long> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(
                sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
