package io.ordersaga.messaging.consumer;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The one failure policy of every consumer (docs/failure-policy.md): a record whose handling
 * throws is retried with bounded exponential backoff, then handed to the recoverer, which
 * publishes it to its dead-letter topic. An {@link InvalidEventException} (undecodable, not an
 * event, invalid) skips the retries: retrying cannot change the bytes. After either, the offset
 * is committed and the partition moves on.
 */
final class FailurePolicy {

    private FailurePolicy() {}

    static DefaultErrorHandler errorHandler(ConsumerSettings.Retry retry, ConsumerRecordRecoverer deadLetters) {
        var backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        var handler = new DefaultErrorHandler(deadLetters, backOff);
        // Spring Kafka's own non-retryable exceptions (deserialization, conversion, ClassCastException,
        // ...) stay non-retryable; the library's join them. Causes are traversed, so the listener
        // container's wrapping does not hide them.
        handler.addNotRetryableExceptions(InvalidEventException.class);
        // A dead-lettered record is done: commit past it at once, so a restart does not
        // dead-letter it again.
        handler.setCommitRecovered(true);
        return handler;
    }
}
