package io.ordersaga.notification.delivery;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Names Jakarta Mail's stream provider (Angus's) in the system property that Jakarta Mail reads
 * first when it looks the provider up.
 *
 * <p>Jakarta Mail 2.1 looks its {@link StreamProvider} up anew for every message, multipart, body
 * part and encoder it creates ({@code StreamProvider.provider()}), and without the property each
 * look-up is a {@link java.util.ServiceLoader} that reads the class path's service files again:
 * half of the CPU of this service's sending thread under load, more than composing and writing the
 * e-mails (docs/performance.md, the fifteenth round; upstream: jakartaee/mail-api issues 699 and
 * 861). With the property set, a look-up is a class-loader look-up and a constructor call. A value
 * set on the command line is left alone.
 */
final class MailStreamProviderLookup {

    static final String PROPERTY = StreamProvider.class.getName();

    private MailStreamProviderLookup() {}

    /** Sets the property to Angus's provider, unless it is set already. */
    static void nameAngusProvider() {
        System.getProperties().putIfAbsent(PROPERTY, MailStreamProvider.class.getName());
    }
}
