package io.ordersaga.infra.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) on loopback whose mailbox tests can read. It runs inside the
 * harness JVM: the test JVM for tests, the CLI's JVM for the demo.
 */
public final class SmtpServer implements ManagedServer {

    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    private final GreenMail greenMail;
    private final int port;
    private volatile boolean running = true;

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

    /** Every message the server accepted, oldest first. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
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
    public void purge() {
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

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            greenMail.stop();
        }
    }
}
