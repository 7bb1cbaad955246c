package io.ordersaga.infra.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordersaga.infra.harness.junit.RealInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

@RealInfrastructure
class SmtpServerIT {

    @Test
    void acceptsAnEmailOverSmtpAndShowsItInTheMailbox(SmtpServer smtp) throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("orders@shop.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("smtp-probe@customer.example"));
        message.setSubject("Your order is confirmed");
        message.setText("Order 42 is on its way.");

        Transport.send(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.receivedMessagesFor("smtp-probe@customer.example")
                .isEmpty());
        MimeMessage received =
                smtp.receivedMessagesFor("smtp-probe@customer.example").getFirst();
        assertThat(received.getSubject()).isEqualTo("Your order is confirmed");
        assertThat(((String) received.getContent()).trim()).isEqualTo("Order 42 is on its way.");
        assertThat(received.getFrom()[0].toString()).isEqualTo("orders@shop.example");
    }
}
