package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ordersaga.infra.harness.junit.RealInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@RealInfrastructure
class SmtpServerIT {

    @Test
    void acceptsAnEmailOverSmtpAndShowsItInTheMailbox(SmtpServer smtp) throws Exception {
        Transport.send(
                message(smtp, "smtp-probe@customer.example", "Your order is confirmed", "Order 42 is on its way."));

        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.receivedMessagesFor("smtp-probe@customer.example")
                .isEmpty());
        MimeMessage received =
                smtp.receivedMessagesFor("smtp-probe@customer.example").getFirst();
        assertThat(received.getSubject()).isEqualTo("Your order is confirmed");
        assertThat(((String) received.getContent()).trim()).isEqualTo("Order 42 is on its way.");
        assertThat(received.getFrom()[0].toString()).isEqualTo("orders@shop.example");
    }

    @Test
    void refusesConnectionsWhileStoppedAndAcceptsThemAgainOnTheSamePortKeepingTheMailbox(SmtpServer smtp)
            throws Exception {
        String recipient = "smtp-outage@customer.example";
        int port = smtp.port();
        Transport.send(message(smtp, recipient, "before", "sent before the outage"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> smtp.receivedMessagesFor(recipient).size() == 1);

        smtp.stop();
        try {
            assertThat(smtp.isRunning()).isFalse();
            assertThatThrownBy(() -> Transport.send(message(smtp, recipient, "during", "refused")))
                    .isInstanceOf(MessagingException.class)
                    .hasRootCauseInstanceOf(ConnectException.class);
        } finally {
            smtp.restart();
        }

        assertThat(smtp.isRunning()).isTrue();
        assertThat(smtp.port()).isEqualTo(port);
        Transport.send(message(smtp, recipient, "after", "sent after the outage"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> smtp.receivedMessagesFor(recipient).size() == 2);
        var subjects = new ArrayList<String>();
        for (MimeMessage received : smtp.receivedMessagesFor(recipient)) {
            subjects.add(received.getSubject());
        }
        assertThat(subjects).containsExactly("before", "after");
    }

    @Test
    void keepsASummaryOfEveryMessageAndTheLastOnesInFull() throws Exception {
        try (var smtp = SmtpServer.start(2)) {
            for (int i = 1; i <= 5; i++) {
                var message = message(smtp, "many@customer.example", "message " + i, "body " + i);
                message.setHeader("X-Order-Id", "order-" + i);
                Transport.send(message);
            }

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> smtp.receivedEmails().size() == 5);
            assertThat(smtp.receivedEmails())
                    .extracting(ReceivedEmail::subject, email -> email.header("x-order-id"))
                    .containsExactly(
                            tuple("message 1", "order-1"),
                            tuple("message 2", "order-2"),
                            tuple("message 3", "order-3"),
                            tuple("message 4", "order-4"),
                            tuple("message 5", "order-5"));
            assertThat(smtp.receivedEmails().getFirst().to()).containsExactly("many@customer.example");
            assertThat(smtp.receivedEmails().getFirst().from()).containsExactly("orders@shop.example");
            var retained = new ArrayList<String>();
            for (MimeMessage received : smtp.receivedMessages()) {
                retained.add(((String) received.getContent()).trim());
            }
            assertThat(retained).containsExactly("body 4", "body 5");

            smtp.purge();
            assertThat(smtp.receivedEmails()).isEmpty();
            assertThat(smtp.receivedMessages()).isEmpty();
        }
    }

    private static MimeMessage message(SmtpServer smtp, String recipient, String subject, String text)
            throws MessagingException {
        var properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("orders@shop.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(subject);
        message.setText(text);
        return message;
    }
}
