package io.ordersaga.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailStreamProviderLookupTest {

    private String before;

    @BeforeEach
    void rememberProperty() {
        before = System.getProperty(MailStreamProviderLookup.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(MailStreamProviderLookup.PROPERTY);
        } else {
            System.setProperty(MailStreamProviderLookup.PROPERTY, before);
        }
    }

    @Test
    void namesAngusProviderInThePropertyJakartaMailReadsFirst() {
        System.clearProperty(MailStreamProviderLookup.PROPERTY);

        MailStreamProviderLookup.nameAngusProvider();

        assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
                .isEqualTo(MailStreamProvider.class.getName());
    }

    @Test
    void leavesAProviderNamedOnTheCommandLineAlone() {
        System.setProperty(MailStreamProviderLookup.PROPERTY, "com.example.OtherStreamProvider");

        MailStreamProviderLookup.nameAngusProvider();

        assertThat(System.getProperty(MailStreamProviderLookup.PROPERTY)).isEqualTo("com.example.OtherStreamProvider");
    }
}
