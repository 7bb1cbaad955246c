package io.ordersaga.messaging.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a publishing service appends to its outbox.
 *
 * @param aggregateType the publishing context, e.g. "orders": every event the service writes is
 *     routed to the topic {@code <aggregateType>.events}
 */
@ConfigurationProperties("messaging.outbox")
public record OutboxSettings(String aggregateType) {

    public OutboxSettings {
        if (aggregateType == null || !aggregateType.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException(
                    "messaging.outbox.aggregate-type must be a lower-case topic-safe name, was " + aggregateType);
        }
    }

    /** The topic this service's events are relayed to. */
    public String topic() {
        return topic(aggregateType);
    }

    /** The topic events of {@code aggregateType} are relayed to: what the relay's Event Router computes too. */
    public static String topic(String aggregateType) {
        return aggregateType + ".events";
    }
}
