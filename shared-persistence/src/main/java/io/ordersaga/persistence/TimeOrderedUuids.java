package io.ordersaga.persistence;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUIDs of version 7 (RFC 9562, section 5.7): the first 48 bits are the Unix time in milliseconds,
 * the remaining 74 bits after the version and variant are random. They are the ids of what the
 * services write and look up by id (orders, events, e-mails): ids made later sort after ids made
 * earlier, so each B-tree index on them grows at its right-hand edge instead of taking each new key
 * on a random page. Random (version 4) keys touch a different page per insert, split pages all over
 * the index and write a full-page image of each page first changed after a checkpoint
 * (docs/performance.md, the twenty-first round).
 *
 * <p>The random bits come from a {@link SecureRandom}, as {@link UUID#randomUUID()}'s do: an order's
 * id is the key to its page of the API, and 74 random bits make it no easier to guess. An id tells
 * when it was made, to the millisecond, which the order's own {@code placedAt} tells too. Ids made in
 * the same millisecond are in no particular order among themselves.
 */
public final class TimeOrderedUuids {

    private static final RandomGenerator RANDOM = new SecureRandom();

    /** The largest Unix time in milliseconds the 48-bit field holds (the year 10889). */
    static final long MAX_UNIX_MILLIS = (1L << 48) - 1;

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC_9562 = 0x8000_0000_0000_0000L;
    private static final long RANDOM_12_BITS = 0x0FFFL;
    private static final long RANDOM_62_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private TimeOrderedUuids() {}

    /** A new id for the current time of {@code clock}. */
    public static UUID next(Clock clock) {
        return of(clock.millis(), RANDOM);
    }

    /** A new id for the current time. */
    public static UUID next() {
        return of(System.currentTimeMillis(), RANDOM);
    }

    static UUID of(long unixMillis, RandomGenerator random) {
        if (unixMillis < 0 || unixMillis > MAX_UNIX_MILLIS) {
            throw new IllegalArgumentException(
                    "a version 7 UUID holds Unix times from 0 to " + MAX_UNIX_MILLIS + " ms, not " + unixMillis);
        }
        long mostSignificant = unixMillis << 16 | VERSION_7 | random.nextLong() & RANDOM_12_BITS;
        long leastSignificant = VARIANT_RFC_9562 | random.nextLong() & RANDOM_62_BITS;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The Unix time in milliseconds a version 7 UUID was made at. */
    static long unixMillis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException(id + " is a version " + id.version() + " UUID, not 7");
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
