package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HarnessSettingsTest {

    @Test
    void readsExtraPostgresSettingsAsSemicolonSeparatedPairsInOrder() {
        var config = HarnessSettings.serverConfig(
                " shared_preload_libraries = pg_stat_statements;; pg_stat_statements.track=all ;");

        assertThat(config)
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("shared_preload_libraries", "pg_stat_statements"),
                        org.assertj.core.api.Assertions.entry("pg_stat_statements.track", "all"));
        assertThat(HarnessSettings.serverConfig("")).isEmpty();
    }

    @Test
    void refusesAPairWithoutAName() {
        assertThatThrownBy(() -> HarnessSettings.serverConfig("work_mem"))
                .hasMessageContaining("not name=value: 'work_mem'");
        assertThatThrownBy(() -> HarnessSettings.serverConfig("=4MB")).hasMessageContaining("not name=value");
    }
}
