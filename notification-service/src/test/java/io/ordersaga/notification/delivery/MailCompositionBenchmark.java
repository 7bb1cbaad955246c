package io.ordersaga.notification.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Jakarta Mail costs per e-mail of the shape {@link SmtpMailer} sends (a {@code
 * multipart/alternative} of a plain-text and an HTML part, UTF-8, with the service's headers):
 * composing it and writing it out as the SMTP transport does, without the network. Run with both
 * ways Jakarta Mail finds its stream provider: a {@link java.util.ServiceLoader} per look-up, its
 * default, and the class named by {@link MailStreamProviderLookup}, as the service does.
 *
 * <p>The message is composed here rather than by {@code SmtpMailer}'s own methods: initializing
 * that class names the provider (its static initializer), which would turn the {@code
 * service-loader} case into the named one. Only its header names, compile-time constants that do
 * not initialize it, are shared.
 *
 * <p>{@code ./mvnw -pl notification-service -am -Pmail-benchmark test-compile}; results in
 * docs/performance.md (the fifteenth round).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MailCompositionBenchmark {

    private static final String TEXT = "Hello Ada,\n\nyour order %s is confirmed: 2 x Domain-Driven Design, "
            + "1 x Saga coffee mug. Total: 112.30 EUR.\n\nIt ships to Ada Lovelace, 12 St James's Square, London.\n";
    private static final String HTML = "<html><body><p>Hello Ada,</p><p>your order <b>%s</b> is confirmed:</p>"
            + "<ul><li>2 x Domain-Driven Design</li><li>1 x Saga coffee mug</li></ul><p>Total: 112.30 EUR.</p>"
            + "<p>It ships to Ada Lovelace, 12 St James's Square, London.</p></body></html>";

    /** {@code service-loader}: Jakarta Mail's default; {@code named}: the system property set. */
    @Param({"service-loader", "named"})
    public String providerLookup;

    private Session session;

    @Setup
    public void setUp() {
        if (providerLookup.equals("named")) {
            MailStreamProviderLookup.nameAngusProvider();
        } else {
            System.clearProperty(MailStreamProviderLookup.PROPERTY);
        }
        session = Session.getInstance(new Properties());
    }

    /** Composes one e-mail and writes it out; returns its size, so that nothing is optimised away. */
    @Benchmark
    public long composeAndWrite() throws MessagingException, IOException {
        var orderId = UUID.randomUUID();
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress("orders@ordersaga.example", true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.com", true));
        message.setSubject("Your order " + orderId + " is confirmed", StandardCharsets.UTF_8.name());
        var alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(TEXT.formatted(orderId), "plain"));
        alternatives.addBodyPart(part(HTML.formatted(orderId), "html"));
        message.setContent(alternatives);
        message.setHeader(SmtpMailer.ORDER_ID_HEADER, orderId.toString());
        message.setHeader(SmtpMailer.KIND_HEADER, "ORDER_CONFIRMED");
        // As JavaMailSenderImpl sends it: the headers brought up to date, the Message-ID kept.
        message.saveChanges();
        message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@ordersaga.example>");
        var out = new CountingStream();
        message.writeTo(out);
        return out.count;
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        var part = new MimeBodyPart();
        part.setText(body, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
