package io.ordersaga.notification.delivery;

import jakarta.mail.internet.AddressException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * Tells a failure no retry can fix from one that may pass. Permanent: an address that is not an
 * address, a recipient the server rejects with a 5xx reply (no such mailbox, domain does not accept
 * mail), a message that cannot be built. Everything else may pass and is retried: the server is
 * down or unreachable, a 4xx reply (mailbox busy, greylisting, try later), a time-out.
 */
final class SmtpFailures {

    private SmtpFailures() {}

    static boolean isPermanent(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof AddressException
                    || cause instanceof MailParseException
                    || cause instanceof MailPreparationException) {
                return true;
            }
            if (cause instanceof SMTPAddressFailedException rejected && rejected.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /** The failure in words for the log: every distinct message along its causes. */
    static String describe(Throwable failure) {
        var parts = new ArrayList<String>();
        for (Throwable cause : chain(failure)) {
            String part = cause.getClass().getSimpleName() + message(cause);
            if (parts.stream().noneMatch(part::equals)) {
                parts.add(part);
            }
        }
        return String.join(" <- ", parts);
    }

    private static String message(Throwable cause) {
        String message =
                cause.getMessage() == null ? "" : ": " + cause.getMessage().strip();
        // The message of a parse failure does not say what was parsed.
        if (cause instanceof AddressException address && address.getRef() != null) {
            message += " in \"" + address.getRef() + "\"";
        }
        return message;
    }

    /**
     * The failure and its causes. Jakarta Mail chains a rejected recipient as the "next exception"
     * of a {@code SendFailedException}; {@code MessagingException.getCause()} returns it.
     */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var chain = new ArrayList<Throwable>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
