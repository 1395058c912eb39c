package org.saferkent.platform.messaging;

import org.junit.jupiter.api.Test;
import org.saferkent.platform.events.Correlation;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aChildKeepsTheTraceAndItsFlagsAndHasASpanOfItsOwn() {
        String child = TraceContext.child(PARENT);
        assertThat(child).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01").isNotEqualTo(PARENT);
        assertThat(TraceContext.spanId(child)).isNotEqualTo("0000000000000000").isNotEqualTo("00f067aa0ba902b7");
        assertThat(TraceContext.traceId(child)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void malformedOrInvalidTraceparentsHaveNoChild() {
        assertThat(TraceContext.child(null)).isNull();
        assertThat(TraceContext.child("not a traceparent")).isNull();
        assertThat(TraceContext.child("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(TraceContext.child("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isNull();
        assertThat(TraceContext.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
    }

    @Test
    void aConsumerWorksInTheProducersTraceWithTheSameChainAndCause() {
        Correlation causedBy = new Correlation("chain-1", "event-9", PARENT);
        Correlation handled = EventDispatcher.continueTrace(causedBy);
        assertThat(handled.correlationId()).isEqualTo("chain-1");
        assertThat(handled.causationId()).isEqualTo("event-9");
        assertThat(TraceContext.traceId(handled.traceparent())).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(handled.traceparent()).isNotEqualTo(PARENT);
        assertThat(EventDispatcher.continueTrace(new Correlation("c", "e", "garbage")).traceparent()).isEqualTo("garbage");
    }
}
