package io.ordersaga.infra.harness;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) on loopback whose mailbox tests can read. It runs inside the
 * harness JVM: the test JVM for tests, the CLI's JVM for the demo.
 *
 * <p>The mailbox keeps a {@link ReceivedEmail} (addresses, subject, {@code X-} headers) of every
 * message it accepted and the full text of the last {@value #RETAINED_MESSAGES} only, as Mailpit
 * keeps its last 500: a load test sends hundreds of thousands of e-mails, and a heap holding every
 * one of them costs the test bed CPU (its garbage collector marks them again and again) on the
 * cores the system under test runs on.
 *
 * <p>Tests can take it down for a while ({@link #stop()}, then {@link #restart()}): an SMTP outage
 * as clients see it, connections refused on the same port, the mailbox kept.
 */
public final class SmtpServer implements ManagedServer {

    /** How many of the most recent messages the mailbox keeps in full. */
    public static final int RETAINED_MESSAGES = 1_000;

    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    private final GreenMail greenMail;
    private final int port;
    private final Mailbox mailbox;

    private volatile boolean running = true;
    private volatile boolean closed;

    private SmtpServer(GreenMail greenMail, int port, Mailbox mailbox) {
        this.greenMail = greenMail;
        this.port = port;
        this.mailbox = mailbox;
    }

    static SmtpServer start() {
        return start(RETAINED_MESSAGES);
    }

    /** A server whose mailbox keeps the last {@code retainedMessages} messages in full. */
    static SmtpServer start(int retainedMessages) {
        long started = System.nanoTime();
        int port = Ports.freePort();
        var mailbox = new Mailbox(retainedMessages);
        var greenMail = new DeliveringGreenMail(
                new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new MailboxUser(mailbox));
        greenMail.start();
        log.info("SMTP server started on 127.0.0.1:{} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
        return new SmtpServer(greenMail, port, mailbox);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** What the server kept of every message it accepted, oldest first (since the last {@link #purge()}). */
    public List<ReceivedEmail> receivedEmails() {
        return mailbox.summaries();
    }

    /** The last {@value #RETAINED_MESSAGES} messages the server accepted, in full, oldest first. */
    public List<MimeMessage> receivedMessages() {
        return mailbox.recentMessages();
    }

    /** Messages addressed to one recipient, among {@link #receivedMessages()}. */
    public List<MimeMessage> receivedMessagesFor(String recipient) {
        return receivedMessages().stream()
                .filter(message -> isAddressedTo(message, recipient))
                .toList();
    }

    private static boolean isAddressedTo(MimeMessage message, String recipient) {
        try {
            var recipients = message.getAllRecipients();
            return recipients != null
                    && Arrays.stream(recipients)
                            .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message in the mailbox", e);
        }
    }

    /** Empties the mailbox (tests that count messages start from zero). */
    public void purge() {
        mailbox.clear();
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String endpoint() {
        return "smtp://127.0.0.1:" + port;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops accepting connections until {@link #restart()}, as an SMTP server that went down: clients
     * get "connection refused". The mailbox is kept. Stopping a stopped server does nothing.
     */
    public synchronized void stop() {
        if (running) {
            running = false;
            greenMail.stop();
            log.info("SMTP server on 127.0.0.1:{} stopped", port);
        }
    }

    /** Accepts connections again, on the same port, after {@link #stop()}; does nothing if running. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("the SMTP server was closed; it cannot be restarted");
        }
        if (!running) {
            greenMail.start();
            running = true;
            log.info("SMTP server restarted on 127.0.0.1:{}", port);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (running) {
            running = false;
            greenMail.stop();
        }
    }

    /** The messages received: a summary of each, and the most recent ones in full. */
    private static final class Mailbox {

        private final int retained;
        private final List<ReceivedEmail> summaries = new ArrayList<>();
        private final ArrayDeque<MimeMessage> recent = new ArrayDeque<>();

        Mailbox(int retained) {
            this.retained = retained;
        }

        synchronized void add(MimeMessage message) throws MessagingException {
            summaries.add(ReceivedEmail.of(message));
            recent.addLast(message);
            if (recent.size() > retained) {
                recent.removeFirst();
            }
        }

        synchronized List<ReceivedEmail> summaries() {
            return List.copyOf(summaries);
        }

        synchronized List<MimeMessage> recentMessages() {
            return List.copyOf(recent);
        }

        synchronized void clear() {
            summaries.clear();
            recent.clear();
        }
    }

    /**
     * GreenMail whose SMTP service hands every accepted message to the {@link Mailbox} instead of
     * filing it in a mailbox per recipient, which GreenMail keeps until purged. GreenMail creates its
     * managers anew on every start, so the hand-over is installed each time, before the port opens.
     */
    private static final class DeliveringGreenMail extends GreenMail {

        private final MailboxUser recipient;

        DeliveringGreenMail(ServerSetup setup, MailboxUser recipient) {
            super(setup);
            this.recipient = recipient;
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            managers.getUserManager().setMessageDeliveryHandler((message, address) -> recipient);
            return super.createServices(config, managers);
        }
    }

    /** The one "user" every message is delivered to: it files the message in the {@link Mailbox}. */
    private record MailboxUser(Mailbox mailbox) implements GreenMailUser {

        @Override
        public void deliver(MovingMessage message) {
            deliver(message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            try {
                mailbox.add(message);
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot read the headers of a received message", e);
            }
        }

        @Override
        public String getEmail() {
            return "mailbox@127.0.0.1";
        }

        @Override
        public String getLogin() {
            return getEmail();
        }

        @Override
        public void create() {}

        @Override
        public void delete() {}

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {}

        @Override
        public void authenticate(String password) {}

        @Override
        public String getQualifiedMailboxName() {
            return getEmail();
        }
    }
}
