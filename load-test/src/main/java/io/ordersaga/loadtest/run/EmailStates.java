package io.ordersaga.loadtest.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the e-mails notification-service recorded about orders: their kind, status and when each was sent. */
@FunctionalInterface
public interface EmailStates {

    /** The e-mails recorded about {@code orderIds}, by order; an order with none recorded yet is absent. */
    Map<UUID, List<Email>> find(Collection<UUID> orderIds);

    /**
     * One row of notification-service's log.
     *
     * @param kind ORDER_CONFIRMED, ORDER_CANCELLED or SHIPMENT_SCHEDULED
     * @param status HELD, PENDING, SENT, FAILED (the retries gave up) or WITHDRAWN
     * @param sentAt when the mail server accepted it; null unless SENT
     */
    record Email(String kind, String status, Instant sentAt) {

        public static final String SENT = "SENT";
        public static final String FAILED = "FAILED";

        /** Sent, or given up on: nothing more will happen to it. */
        public boolean settled() {
            return status.equals(SENT) || status.equals(FAILED);
        }
    }
}
