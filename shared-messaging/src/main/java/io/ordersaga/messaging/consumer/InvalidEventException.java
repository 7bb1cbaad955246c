package io.ordersaga.messaging.consumer;

/**
 * An event that can never be applied, however often it is retried: undecodable, not a saga event,
 * or rejected by validation. A handler throws it for an event that breaks the contract (not for a
 * business outcome such as "out of stock", which is an event of its own). The failure policy sends
 * the record straight to the dead-letter topic instead of retrying it (docs/failure-policy.md).
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
