package io.ordersaga.search.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection writes.
 *
 * @param maxWriteAttempts read-merge-write rounds for the documents of one batch before the batch
 *     fails (and the failure policy retries it): a round is lost only to a concurrent writer of the
 *     same order, whose write the next round merges
 * @param healthyLag the longest time from an event to its document being written that health still
 *     calls UP
 */
@ConfigurationProperties("search.projection")
public record ProjectionSettings(
        @DefaultValue("10") int maxWriteAttempts,
        @DefaultValue("60s") Duration healthyLag) {

    public ProjectionSettings {
        if (maxWriteAttempts < 1) {
            throw new IllegalArgumentException(
                    "search.projection.max-write-attempts must be at least 1, was " + maxWriteAttempts);
        }
    }
}
