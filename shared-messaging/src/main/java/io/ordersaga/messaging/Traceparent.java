package io.ordersaga.messaging;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C trace context {@code traceparent} value ({@code 00-<trace id>-<parent id>-<flags>}). It
 * travels as a Kafka header from the outbox to every consumer, so one order's saga is one trace.
 */
public record Traceparent(String traceId, String parentId, String flags) {

    public static final String HEADER = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern PARENT_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern FLAGS = Pattern.compile("[0-9a-f]{2}");
    private static final HexFormat HEX = HexFormat.of();

    public Traceparent {
        if (!TRACE_ID.matcher(traceId).matches()
                || !PARENT_ID.matcher(parentId).matches()
                || !FLAGS.matcher(flags).matches()) {
            throw new IllegalArgumentException("not a W3C traceparent: " + traceId + "/" + parentId + "/" + flags);
        }
    }

    /** Parses a header value; an absent or malformed value starts a new trace. */
    public static Traceparent parseOrStart(String value) {
        if (value != null) {
            var matcher = FORMAT.matcher(value.trim());
            if (matcher.matches()) {
                return new Traceparent(matcher.group(1), matcher.group(2), matcher.group(3));
            }
        }
        return start();
    }

    /** A new, sampled trace. */
    public static Traceparent start() {
        return new Traceparent(randomHex(16), randomHex(8), "01");
    }

    /** The same trace, with a new span as parent: what a consumer puts on the events it causes. */
    public Traceparent child() {
        return new Traceparent(traceId, randomHex(8), flags);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    /**
     * Ids need to be unique, not secret: like OpenTelemetry's default id generator, a thread-local
     * generator rather than {@code SecureRandom}, which cost a read of the kernel's random source
     * per event (docs/performance.md).
     */
    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HEX.formatHex(random);
    }
}
