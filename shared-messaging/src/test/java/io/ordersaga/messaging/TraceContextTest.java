package io.ordersaga.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    @Test
    void startsANewTraceWhenNoEventIsBeingHandled() {
        assertThat(TraceContext.current()).isEmpty();
        assertThat(TraceContext.forNewEvent().traceId())
                .isNotEqualTo(TraceContext.forNewEvent().traceId());
    }

    @Test
    void continuesTheHandledEventsTraceWithANewSpan() {
        Traceparent incoming = Traceparent.start();

        Traceparent outgoing = TraceContext.callWith(incoming, TraceContext::forNewEvent);

        assertThat(outgoing.traceId()).isEqualTo(incoming.traceId());
        assertThat(outgoing.parentId()).isNotEqualTo(incoming.parentId());
    }

    @Test
    void restoresTheOuterScopeAfterANestedOne() {
        Traceparent outer = Traceparent.start();
        Traceparent inner = Traceparent.start();

        TraceContext.runWith(outer, () -> {
            TraceContext.runWith(inner, () -> assertThat(TraceContext.current()).contains(inner));
            assertThat(TraceContext.current()).contains(outer);
        });

        assertThat(TraceContext.current()).isEmpty();
    }

    @Test
    void leavesNoScopeBehindWhenTheWorkFails() {
        assertThatThrownBy(() -> TraceContext.runWith(Traceparent.start(), () -> {
                    throw new IllegalStateException("handler failed");
                }))
                .hasMessage("handler failed");

        assertThat(TraceContext.current()).isEmpty();
    }
}
