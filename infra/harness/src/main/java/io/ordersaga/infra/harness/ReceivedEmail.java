package io.ordersaga.infra.harness;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SmtpServer} keeps of every message it accepts: its addresses, subject and
 * {@code X-} headers, not its body. A load test's hundreds of thousands of e-mails fit in a few tens
 * of megabytes this way; the full messages are kept for the most recent ones only.
 *
 * @param messageId the {@code Message-ID} header, or null
 * @param from the {@code From} addresses
 * @param to the {@code To} addresses
 * @param subject the subject, or null
 * @param extensionHeaders the {@code X-} headers by name (the first value of each), in message order
 */
public record ReceivedEmail(
        String messageId, List<String> from, List<String> to, String subject, Map<String, String> extensionHeaders) {

    public ReceivedEmail {
        from = List.copyOf(from);
        to = List.copyOf(to);
        extensionHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(extensionHeaders));
    }

    /** The value of the {@code X-} header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        for (var header : extensionHeaders.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** What is kept of {@code message}. */
    public static ReceivedEmail of(MimeMessage message) throws MessagingException {
        var extensionHeaders = new LinkedHashMap<String, String>();
        var headers = message.getAllHeaders();
        while (headers.hasMoreElements()) {
            Header header = headers.nextElement();
            if (header.getName().regionMatches(true, 0, "X-", 0, 2)) {
                extensionHeaders.putIfAbsent(header.getName(), header.getValue());
            }
        }
        return new ReceivedEmail(
                message.getMessageID(),
                addresses(message.getFrom()),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                message.getSubject(),
                extensionHeaders);
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
