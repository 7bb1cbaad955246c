package io.ordersaga.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    @Test
    void backsOffExponentiallyUpToTheMaximumInterval() {
        var retry = new DeliverySettings.Retry(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(15), 20);

        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.delayAfter(8)).isEqualTo(Duration.ofSeconds(640));
        assertThat(retry.delayAfter(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(retry.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void namesMessageIdsAfterTheSenderDomain() {
        var settings = new DeliverySettings("orders@shop.example", Duration.ofMillis(250), 20, 4, retry(20));

        assertThat(settings.senderDomain()).isEqualTo("shop.example");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliverySettings("orders", Duration.ofMillis(250), 20, 4, retry(20)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliverySettings("orders@shop.example", Duration.ZERO, 20, 4, retry(20)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliverySettings("orders@shop.example", Duration.ofMillis(250), 0, 4, retry(20)));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new DeliverySettings("orders@shop.example", Duration.ofMillis(250), 20, 0, retry(20)));
        assertThatIllegalArgumentException().isThrownBy(() -> retry(0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliverySettings.Retry(Duration.ofMinutes(1), 2.0, Duration.ofSeconds(1), 5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliverySettings.Retry(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1), 5));
    }

    private static DeliverySettings.Retry retry(int maxAttempts) {
        return new DeliverySettings.Retry(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(15), maxAttempts);
    }
}
