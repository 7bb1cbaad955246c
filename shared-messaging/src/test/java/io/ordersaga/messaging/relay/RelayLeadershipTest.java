package io.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelayLeadershipTest {

    @Test
    void derivesTheSameLockKeyForAServiceEverywhere() {
        // A fixed value: instances on other JVMs, versions or machines must contend for the same lock.
        assertThat(RelayLeadership.lockKey("order")).isEqualTo(RelayLeadership.lockKey("order"));
        assertThat(RelayLeadership.lockKey("order")).isEqualTo(3_256_991_601_027_897_977L);
    }

    @Test
    void givesEachServiceItsOwnLock() {
        assertThat(RelayLeadership.lockKey("order")).isNotEqualTo(RelayLeadership.lockKey("inventory"));
    }
}
