package io.ordersaga.messaging.relay;

import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code outboxRelay} in the health endpoint: UP on the active instance while its engine runs and on
 * every standby; DOWN when this instance holds the relay lock but its engine has died, since then no
 * instance relays until it is restarted.
 */
final class OutboxRelayHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;

    OutboxRelayHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        var status = relay.status();
        var health = status.engineDead() ? Health.down() : Health.up();
        health.withDetail("role", status.role().name().toLowerCase(Locale.ROOT))
                .withDetail("lastLagMs", status.lastLagMillis())
                .withDetail("relayedEvents", status.relayedEvents());
        if (status.activeSince() != null) {
            health.withDetail("activeSince", status.activeSince().toString());
        }
        if (status.lastFailure() != null) {
            health.withDetail("lastFailure", status.lastFailure());
        }
        return health.build();
    }
}
