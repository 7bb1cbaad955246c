package io.ordersaga.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private final StackSettings demo = StackSettings.demo(Path.of("."), "1.0");

    @AfterEach
    void clearTheSetting() {
        System.clearProperty(StackSettings.PARTITIONS_SETTING);
    }

    @Test
    void theDemoStackHasThreePartitionsPerTopicUnlessTheSettingSaysOtherwise() {
        assertThat(demo.partitions()).isEqualTo(3);
        assertThat(demo.withPartitionsFromSetting().partitions()).isEqualTo(3);

        System.setProperty(StackSettings.PARTITIONS_SETTING, " 12 ");

        assertThat(demo.withPartitionsFromSetting().partitions()).isEqualTo(12);
    }

    @Test
    void everyOtherSettingSurvivesAChangeOfPartitions() {
        var changed = demo.withServiceHeap("512m").withPartitions(6).withRandomPorts();

        assertThat(changed.partitions()).isEqualTo(6);
        assertThat(changed.serviceHeap()).isEqualTo("512m");
        assertThat(changed.fixedPorts()).isFalse();
    }

    @Test
    void aPartitionCountThatIsNotAPositiveWholeNumberIsRefused() {
        assertThatThrownBy(() -> demo.withPartitions(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one partition");

        System.setProperty(StackSettings.PARTITIONS_SETTING, "twelve");

        assertThatThrownBy(demo::withPartitionsFromSetting)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stack.partitions must be a whole number, not 'twelve'");
    }
}
