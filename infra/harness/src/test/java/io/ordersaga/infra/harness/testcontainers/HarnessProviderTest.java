package io.ordersaga.infra.harness.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HarnessProviderTest {

    @Test
    void selectsTestcontainersByNameWhateverTheCase() {
        assertThat(HarnessProvider.parse("testcontainers")).isEqualTo(HarnessProvider.TESTCONTAINERS);
        assertThat(HarnessProvider.parse(" Testcontainers ")).isEqualTo(HarnessProvider.TESTCONTAINERS);
        assertThat(HarnessProvider.parse("embedded")).isEqualTo(HarnessProvider.EMBEDDED);
    }

    @Test
    void refusesAnUnknownProviderInsteadOfFallingBackSilently() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HarnessProvider.parse("docker"))
                .withMessageContaining("harness.provider")
                .withMessageContaining("docker");
    }

    @Test
    void usesTheEmbeddedServersUnlessTold() {
        // The build never sets harness.provider: its tests run on the embedded servers.
        assertThat(System.getProperty(HarnessProvider.PROPERTY)).isNull();
        assertThat(System.getenv("HARNESS_PROVIDER")).isNull();

        assertThat(HarnessProvider.selected()).isEqualTo(HarnessProvider.EMBEDDED);
    }
}
