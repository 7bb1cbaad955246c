package io.ordersaga.infra.harness;

/** A server did not become healthy; the message carries the tail of its log. */
public class ServerStartException extends RuntimeException {

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
