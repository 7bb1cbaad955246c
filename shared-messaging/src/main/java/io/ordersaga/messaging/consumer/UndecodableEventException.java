package io.ordersaga.messaging.consumer;

/** The record's value is not an Avro event the registry knows: garbage, or an unknown schema id. */
final class UndecodableEventException extends InvalidEventException {

    UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
