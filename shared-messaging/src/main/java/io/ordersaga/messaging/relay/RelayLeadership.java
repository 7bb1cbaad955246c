package io.ordersaga.messaging.relay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly one relaying instance per service: a session-level PostgreSQL advisory lock held on a
 * connection of its own (never a pooled one, which the pool could recycle or share). The lock lives
 * as long as that session: when the holder dies, its connection drops, PostgreSQL ends the session
 * and frees the lock, and the next standby to ask takes over.
 */
final class RelayLeadership implements AutoCloseable {

    static final String APPLICATION_NAME = "outbox-relay-lock";
    private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final RelayDatabase database;
    private final long key;
    private Connection connection;
    private boolean held;

    RelayLeadership(RelayDatabase database, String serviceName) {
        this.database = database;
        this.key = lockKey(serviceName);
    }

    /**
     * The advisory lock key of a service's relay: stable across JVMs, versions and instances (a
     * hash of the name, not {@code hashCode()} of an object), 64 bits so unrelated locks do not collide.
     */
    static long lockKey(String serviceName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("outbox-relay:" + serviceName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Takes the lock if it is free; keeps the connection open either way, for the next try. */
    synchronized boolean tryAcquire() throws SQLException {
        if (held) {
            return true;
        }
        if (connection == null || !connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
            closeConnection();
            connection = database.connect(APPLICATION_NAME);
        }
        try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (var result = statement.executeQuery()) {
                result.next();
                held = result.getBoolean(1);
            }
        }
        return held;
    }

    synchronized boolean isHeld() {
        return held;
    }

    /**
     * Whether the lock is still ours: the session is alive and PostgreSQL still lists the lock as
     * granted to it. False once the connection broke, even if the server has not noticed yet.
     */
    synchronized boolean confirm() {
        if (!held) {
            return false;
        }
        try (var statement = connection.prepareStatement(
                "select count(*) from pg_locks where locktype = 'advisory' and granted and pid = pg_backend_pid()"
                        + " and classid::bigint = ? and objid::bigint = ? and objsubid = 1")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            try (var result = statement.executeQuery()) {
                result.next();
                if (result.getInt(1) == 1) {
                    return true;
                }
            }
            log.warn("The relay lock is no longer held by this instance's session");
        } catch (SQLException e) {
            log.warn("The relay lock's connection failed: {}", e.toString());
        }
        held = false;
        closeConnection();
        return false;
    }

    /** Gives the lock up by ending its session: the lock goes with it, even if the unlock could not be sent. */
    synchronized void release() {
        held = false;
        closeConnection();
    }

    @Override
    public void close() {
        release();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the relay lock's connection failed: {}", e.toString());
            }
            connection = null;
        }
    }
}
