package io.ordersaga.search.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /search/orders/stats}: the matching orders counted.
 *
 * @param total matching orders
 * @param byStatus orders per status
 * @param byReason cancelled orders per cancellation reason
 * @param ordersPerMinute orders placed per minute (minutes without any left out), oldest first
 * @param indexedUpTo as in {@link OrderPage#indexedUpTo()}
 */
public record OrderStats(
        long total,
        Map<String, Long> byStatus,
        Map<String, Long> byReason,
        List<MinuteCount> ordersPerMinute,
        Instant indexedUpTo) {

    /** Orders placed in the minute starting at {@code minute}. */
    public record MinuteCount(Instant minute, long orders) {}
}
