package io.ordersaga.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.delivery.*}: how pending e-mails are sent and retried.
 *
 * @param from the sender address of every e-mail; its domain also names the Message-IDs
 * @param pollInterval pause between two looks for due notifications (an idle look is one indexed query)
 * @param batchSize notifications claimed, sent over one SMTP connection and recorded per transaction;
 *     also the most e-mails a crash between sending and recording can send twice, per sender
 * @param senders dispatcher threads, each claiming its own batches ({@code skip locked}) and sending
 *     them over its own SMTP connection: a batch spends most of its time waiting for the mail server's
 *     replies (several per e-mail), so one sender alone is bounded by round trips, not by CPU
 * @param retry backoff between attempts that failed for a reason that may pass (the server is down,
 *     a 4xx reply)
 */
@ConfigurationProperties("notifications.delivery")
public record DeliverySettings(
        @DefaultValue("orders@ordersaga.example") String from,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("4") int senders,
        @DefaultValue Retry retry) {

    public DeliverySettings {
        if (from == null || from.indexOf('@') < 1) {
            throw new IllegalArgumentException("notifications.delivery.from must be an e-mail address, was " + from);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(
                    "notifications.delivery.poll-interval must be positive, was " + pollInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "notifications.delivery.batch-size must be at least 1, was " + batchSize);
        }
        if (senders < 1) {
            throw new IllegalArgumentException("notifications.delivery.senders must be at least 1, was " + senders);
        }
    }

    /** The domain of the sender address. */
    String senderDomain() {
        return from.substring(from.lastIndexOf('@') + 1);
    }

    /**
     * Exponential backoff between delivery attempts. The defaults keep trying for about three and a
     * half hours (5 s, 10 s, ... capped at 15 min, 20 attempts): an SMTP outage of that length loses
     * nothing; after it the notification is FAILED with its last error, visible in the log.
     *
     * @param initialInterval wait after the first failed attempt
     * @param multiplier growth of the wait from one attempt to the next
     * @param maxInterval longest single wait
     * @param maxAttempts attempts in all, the first included, before the notification is FAILED
     */
    public record Retry(
            @DefaultValue("5s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("15m") Duration maxInterval,
            @DefaultValue("20") int maxAttempts) {

        public Retry {
            if (initialInterval.isNegative() || maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("notifications.delivery.retry: need 0 <= initial-interval ("
                        + initialInterval + ") <= max-interval (" + maxInterval + ")");
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException(
                        "notifications.delivery.retry.multiplier must be at least 1, was " + multiplier);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "notifications.delivery.retry.max-attempts must be at least 1, was " + maxAttempts);
            }
        }

        /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
        Duration delayAfter(int failedAttempts) {
            double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
            return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
        }
    }
}
