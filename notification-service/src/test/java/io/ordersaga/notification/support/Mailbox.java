package io.ordersaga.notification.support;

import static org.awaitility.Awaitility.await;

import io.ordersaga.infra.harness.Infrastructure;
import io.ordersaga.infra.harness.SmtpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/**
 * The harness SMTP server's mailbox, as the tests read it. Every test writes to recipients of its own
 * ({@link #newRecipient}), so tests never see each other's mail.
 */
@TestComponent
public class Mailbox {

    private final SmtpServer smtp = Infrastructure.shared().smtp();

    /** A recipient no other test uses. */
    public static String newRecipient(String name) {
        return name + "+" + UUID.randomUUID() + "@customer.example";
    }

    public SmtpServer server() {
        return smtp;
    }

    /** Every e-mail the server accepted for the recipient, oldest first. */
    public List<ReceivedMail> mailFor(String recipient) {
        return smtp.receivedMessagesFor(recipient).stream().map(Mailbox::read).toList();
    }

    /** Waits until the recipient has an e-mail and returns the first. */
    public ReceivedMail awaitMailFor(String recipient, Duration patience) {
        await().atMost(patience)
                .until(() -> !smtp.receivedMessagesFor(recipient).isEmpty());
        return mailFor(recipient).getFirst();
    }

    /** An e-mail as received: headers that matter, and its plain-text and HTML parts. */
    public record ReceivedMail(
            String subject,
            String from,
            List<String> to,
            String messageId,
            String orderIdHeader,
            String kindHeader,
            String contentType,
            String text,
            String html) {}

    private static ReceivedMail read(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            }
            var to = new ArrayList<String>();
            for (var address : message.getAllRecipients()) {
                to.add(address.toString());
            }
            return new ReceivedMail(
                    message.getSubject(),
                    message.getFrom()[0].toString(),
                    to,
                    message.getMessageID(),
                    message.getHeader("X-Order-Id", null),
                    message.getHeader("X-Notification-Kind", null),
                    message.getContentType(),
                    text,
                    html);
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message in the mailbox", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
