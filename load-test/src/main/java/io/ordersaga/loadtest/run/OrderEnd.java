package io.ordersaga.loadtest.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An order as the order service has it: its status, cancellation reason and saga times. */
public record OrderEnd(UUID id, String status, String reason, Instant placedAt, Instant completedAt) {

    public boolean terminal() {
        return status.equals("CONFIRMED") || status.equals("CANCELLED");
    }

    /** Placed to CONFIRMED or CANCELLED, once it ended. */
    public Optional<Duration> sagaDuration() {
        return completedAt == null ? Optional.empty() : Optional.of(Duration.between(placedAt, completedAt));
    }
}
