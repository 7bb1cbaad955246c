package io.ordersaga.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/**
 * Which failures are retried. The exceptions are the ones Angus Mail throws for each case, chained
 * the way its SMTP transport chains them.
 */
class SmtpFailuresTest {

    private static final InternetAddress ADA = address("ada@customer.example");

    @Test
    void anAddressThatIsNotAnAddressIsPermanent() {
        var failure = assertThrows(() -> new InternetAddress("no-at-sign", true));

        assertThat(SmtpFailures.isPermanent(failure)).isTrue();
        assertThat(SmtpFailures.describe(failure))
                .isEqualTo("AddressException: Missing final '@domain' in \"no-at-sign\"");
    }

    @Test
    void aRecipientRejectedWithA5xxReplyIsPermanent() {
        // What SMTPTransport throws when the only recipient is refused: the reply is the next exception.
        var rejected = new SMTPAddressFailedException(ADA, "RCPT TO:<ada@customer.example>", 550, "5.1.1 no such user");
        var failure = new SendFailedException("Invalid Addresses", rejected);

        assertThat(SmtpFailures.isPermanent(failure)).isTrue();
        assertThat(SmtpFailures.isPermanent(new MailSendException("send failed", failure)))
                .isTrue();
    }

    @Test
    void aRecipientDeferredWithA4xxReplyIsRetried() {
        var deferred = new SMTPAddressFailedException(ADA, "RCPT TO:<ada@customer.example>", 450, "4.2.1 mailbox busy");

        assertThat(SmtpFailures.isPermanent(new SendFailedException("Invalid Addresses", deferred)))
                .isFalse();
    }

    @Test
    void aServerThatRefusesTheConnectionIsRetried() {
        var refused = new MailConnectException(new SocketConnectException(
                "Using socket factory", new ConnectException("Connection refused"), "127.0.0.1", 25, 5000));

        assertThat(SmtpFailures.isPermanent(refused)).isFalse();
        assertThat(SmtpFailures.describe(refused))
                .contains("MailConnectException")
                .contains("Connection refused");
    }

    @Test
    void aTimeOutAndATemporaryRefusalOfTheMessageAreRetried() {
        var timeout =
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
        var tryLater = new SMTPSendFailedException("DATA", 451, "4.3.0 try again later", null, null, null, null);

        assertThat(SmtpFailures.isPermanent(timeout)).isFalse();
        assertThat(SmtpFailures.isPermanent(tryLater)).isFalse();
    }

    @Test
    void describesEveryDistinctCauseOnce() {
        var failure = new MessagingException("outer", new IllegalStateException("inner"));

        assertThat(SmtpFailures.describe(failure))
                .isEqualTo("MessagingException: outer <- IllegalStateException: inner");
    }

    private static InternetAddress address(String value) {
        try {
            return new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private interface Throwing {
        void run() throws Exception;
    }

    private static Exception assertThrows(Throwing action) {
        try {
            action.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected an exception");
    }
}
