package io.ordersaga.messaging.consumer;

/** The record decodes, but to a record type that is not a saga event (it has no envelope). */
final class UnknownEventTypeException extends InvalidEventException {

    UnknownEventTypeException(String message) {
        super(message);
    }
}
