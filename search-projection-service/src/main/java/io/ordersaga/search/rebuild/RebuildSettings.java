package io.ordersaga.search.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rebuild's patience.
 *
 * @param timeout how long one catch-up (replaying the topics up to where they ended when it began)
 *     may take before the rebuild gives up, leaving the alias where it was
 * @param pollInterval how often the rebuild checks its consumer group's progress
 */
@ConfigurationProperties("search.rebuild")
public record RebuildSettings(
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("500ms") Duration pollInterval) {}
