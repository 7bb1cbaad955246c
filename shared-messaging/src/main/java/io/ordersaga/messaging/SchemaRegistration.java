package io.ordersaga.messaging;

import io.apicurio.registry.rest.client.exception.RestClientException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The first use of each event schema by a serde, which registers the schema: one registration per
 * schema, however many threads serialize it at once, and one that survives racing other processes.
 *
 * <p>Two things go wrong without it when a fresh service's first requests arrive together (the load
 * test's 500s, docs/performance.md). Every thread misses the serializer's cache and asks the
 * registry to register the same schema; and Apicurio Registry 2.x creates an artifact's group by
 * checking for it and then inserting it, so all but one of the threads that race into a group that
 * does not exist yet get 409 "The group '…' already exists." (Apicurio/apicurio-registry#4936,
 * fixed in the registry's 3.x storage), which the serializer passes on as a failure. The
 * {@code if-exists} setting does not help: it covers an existing artifact, not the group.
 *
 * <p>So within one serde the first use of a schema runs alone while the others using that schema
 * wait for it, then find it in the serializer's cache. Another process (a second instance of the
 * service) can still win the group's creation; losing that race means the group now exists, so the
 * registration is tried once more and, with {@code if-exists=RETURN_OR_UPDATE}, returns the version
 * the winner registered. Any other refusal (an incompatible schema) fails as before.
 */
final class SchemaRegistration {

    private static final String GROUP_ALREADY_EXISTS = "GroupAlreadyExistsException";

    private final Set<Schema> registered = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<Schema, Lock> firstUses = new ConcurrentHashMap<>();

    /** Runs {@code serialization} of an event with {@code schema}, alone if the schema is new here. */
    byte[] serialize(Schema schema, Supplier<byte[]> serialization) {
        if (registered.contains(schema)) {
            return serialization.get();
        }
        Lock firstUse = firstUses.computeIfAbsent(schema, unused -> new ReentrantLock());
        firstUse.lock();
        try {
            byte[] bytes = registered.contains(schema) ? serialization.get() : registering(serialization);
            registered.add(schema);
            return bytes;
        } finally {
            firstUse.unlock();
        }
    }

    private static byte[] registering(Supplier<byte[]> serialization) {
        try {
            return serialization.get();
        } catch (RuntimeException e) {
            if (!lostGroupCreation(e)) {
                throw e;
            }
            return serialization.get();
        }
    }

    static boolean lostGroupCreation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RestClientException refused
                    && refused.getError() != null
                    && GROUP_ALREADY_EXISTS.equals(refused.getError().getName())) {
                return true;
            }
        }
        return false;
    }
}
