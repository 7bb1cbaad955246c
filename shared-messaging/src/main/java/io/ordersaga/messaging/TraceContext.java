package io.ordersaga.messaging;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The trace an event belongs to while code runs on its behalf. A consumer handles an incoming
 * event inside {@link #runWith} its {@code traceparent}; whatever the handler appends to the outbox
 * then carries a child of that trace, so one order's saga stays one trace across services. Code
 * that runs outside any scope (a REST request placing an order) starts a new trace.
 *
 * <p>A thread-local scope, not a tracing SDK: the library has no tracer to bridge to, and the W3C
 * header is all that has to travel.
 */
public final class TraceContext {

    private static final ThreadLocal<Traceparent> CURRENT = new ThreadLocal<>();

    private TraceContext() {}

    /** The trace of the event being handled on this thread, if any. */
    public static Optional<Traceparent> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The traceparent an event written now should carry: a child span of the current trace, or a new trace. */
    public static Traceparent forNewEvent() {
        return current().map(Traceparent::child).orElseGet(Traceparent::start);
    }

    /** Runs {@code work} inside {@code traceparent}'s scope, restoring the previous scope afterwards. */
    public static void runWith(Traceparent traceparent, Runnable work) {
        callWith(traceparent, () -> {
            work.run();
            return null;
        });
    }

    /** Computes {@code work} inside {@code traceparent}'s scope, restoring the previous scope afterwards. */
    public static <T> T callWith(Traceparent traceparent, Supplier<T> work) {
        Traceparent previous = CURRENT.get();
        CURRENT.set(traceparent);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
