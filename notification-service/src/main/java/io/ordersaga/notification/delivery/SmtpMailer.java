package io.ordersaga.notification.delivery;

import io.ordersaga.notification.notifications.Notification;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends notifications as e-mails over SMTP through Spring's {@link JavaMailSender}: a batch over one
 * connection, each a {@code multipart/alternative} of the plain-text and the HTML part, with a
 * Message-ID derived from the notification, so a copy sent twice (see the crash window in
 * docs/services/notification-service.md) is recognisably the same message.
 */
@Component
class SmtpMailer {

    static final String ORDER_ID_HEADER = "X-Order-Id";
    static final String KIND_HEADER = "X-Notification-Kind";

    static {
        // Before this class builds its first message: Jakarta Mail then finds its stream provider
        // without a ServiceLoader per message and part (MailStreamProviderLookup).
        MailStreamProviderLookup.nameAngusProvider();
    }

    private final JavaMailSender sender;
    private final DeliverySettings settings;

    SmtpMailer(JavaMailSender sender, DeliverySettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /** Sends every notification; returns why each one that was not sent failed, by notification id. */
    Map<UUID, Exception> send(List<Notification> notifications) {
        var failures = new HashMap<UUID, Exception>();
        var messages = new IdentityHashMap<MimeMessage, UUID>();
        for (Notification notification : notifications) {
            try {
                messages.put(message(notification), notification.id());
            } catch (MessagingException e) {
                // Most often a recipient that is not an address (AddressException): never sendable.
                failures.put(notification.id(), e);
            }
        }
        if (messages.isEmpty()) {
            return failures;
        }
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            // Per message: those after a lost connection, and those the server refused.
            e.getFailedMessages().forEach((message, failure) -> failures.put(messages.get(message), failure));
            if (e.getFailedMessages().isEmpty()) {
                messages.values().forEach(id -> failures.put(id, e));
            }
        } catch (MailException e) {
            // Authentication failed, or anything else before a message went out: none was sent.
            messages.values().forEach(id -> failures.put(id, e));
        }
        return failures;
    }

    /** The Message-ID of a notification's e-mail: the same for every attempt. */
    String messageId(Notification notification) {
        return "<" + notification.id() + "@" + settings.senderDomain() + ">";
    }

    private MimeMessage message(Notification notification) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress(settings.from(), true));
        // Strict parsing: a recipient that is not an address fails here, before any SMTP exchange.
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(notification.recipient(), true));
        message.setSubject(notification.subject(), StandardCharsets.UTF_8.name());
        var alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(notification.textBody(), "plain"));
        alternatives.addBodyPart(part(notification.htmlBody(), "html"));
        message.setContent(alternatives);
        // JavaMailSenderImpl keeps a Message-ID set before sending; saveChanges() would otherwise make a random one.
        message.setHeader("Message-ID", messageId(notification));
        // For machines: mail filters, and the checks that count e-mails per order and kind (SPEC invariant 4).
        message.setHeader(ORDER_ID_HEADER, notification.orderId().toString());
        message.setHeader(KIND_HEADER, notification.kind().name());
        return message;
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        var part = new MimeBodyPart();
        part.setText(body, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }
}
