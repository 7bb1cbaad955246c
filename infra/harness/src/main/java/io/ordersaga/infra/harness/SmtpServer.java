package io.ordersaga.infra.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) on loopback whose mailbox tests can read. It runs inside the
 * harness JVM: the test JVM for tests, the CLI's JVM for the demo.
 *
 * <p>Tests can take it down for a while ({@link #stop()}, then {@link #restart()}): an SMTP outage
 * as clients see it, connections refused on the same port, the mailbox kept.
 */
public final class SmtpServer implements ManagedServer {

    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    private final GreenMail greenMail;
    private final int port;
    /** What was received before a stop: GreenMail starts a restart with an empty mailbox. */
    private final List<MimeMessage> receivedBeforeRestart = new CopyOnWriteArrayList<>();

    private volatile boolean running = true;
    private volatile boolean closed;

    private SmtpServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    static SmtpServer start() {
        long started = System.nanoTime();
        int port = Ports.freePort();
        var greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        log.info("SMTP server started on 127.0.0.1:{} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
        return new SmtpServer(greenMail, port);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Every message the server accepted, oldest first, including those accepted before a restart. */
    public List<MimeMessage> receivedMessages() {
        return Stream.concat(receivedBeforeRestart.stream(), Arrays.stream(greenMail.getReceivedMessages()))
                .toList();
    }

    /** Messages addressed to one recipient. */
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
    public synchronized void purge() {
        receivedBeforeRestart.clear();
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge the mailbox", e);
        }
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
            receivedBeforeRestart.addAll(List.of(greenMail.getReceivedMessages()));
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
}
