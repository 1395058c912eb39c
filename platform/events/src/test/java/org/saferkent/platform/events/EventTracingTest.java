package org.saferkent.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Events' trace context and correlation, on the platform's own tracer (the one used outside a service). */
class EventTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PRODUCER_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PRODUCER_SPAN + "-01";

    private final EventTracing tracing = EventTracing.standalone();

    @Test
    void anEventRecordedOutsideAnyWorkStartsItsOwnChainAndTrace() {
        EventTracing.Origin first = tracing.current();
        EventTracing.Origin second = tracing.current();

        assertThat(first.correlationId()).isNotBlank().isEqualTo(first.causationId());
        assertThat(first.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(EventTracing.traceId(first.traceparent())).isNotEqualTo(EventTracing.traceId(second.traceparent()));
        assertThat(second.correlationId()).isNotEqualTo(first.correlationId());
    }

    @Test
    void aConsumerContinuesTheProducersTraceInASpanOfItsOwnWithTheEventsCorrelationAndTheEventAsCause() {
        EventMetadata event = event("chain-1", TRACEPARENT);
        AtomicReference<EventTracing.Origin> inside = new AtomicReference<>();

        tracing.handle(event, "referrals.referral.events", "victims", () -> inside.set(tracing.current()));

        assertThat(inside.get().correlationId()).isEqualTo("chain-1");
        assertThat(inside.get().causationId()).isEqualTo(event.id());
        assertThat(inside.get().traceparent()).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").isNotEqualTo(TRACEPARENT);
        // and nothing of it is left behind on the thread
        assertThat(tracing.baggage(EventTracing.CORRELATION_ID)).isNull();
        assertThat(tracing.currentTraceId()).isNull();
    }

    @Test
    void anEventWithoutTraceOrCorrelationStartsANewTraceAndIsItsOwnCorrelation() {
        EventMetadata event = event(null, null);
        AtomicReference<EventTracing.Origin> inside = new AtomicReference<>();

        tracing.handle(event, "referrals.referral.events", "victims", () -> inside.set(tracing.current()));

        assertThat(inside.get().correlationId()).isEqualTo(event.id());
        assertThat(inside.get().traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aFailingHandlerFailsAndLeavesNoContextBehind() {
        try {
            tracing.handle(event("chain-2", TRACEPARENT), "t", "g", () -> {
                throw new IllegalStateException("store unavailable");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("store unavailable");
        }
        assertThat(tracing.baggage(EventTracing.CORRELATION_ID)).isNull();
        assertThat(tracing.currentTraceId()).isNull();
    }

    @Test
    void theRelaysSendIsAChildOfTheContextStoredWithTheEvent() {
        EventTracing.Publishing publishing = tracing.publishing(event("chain-3", TRACEPARENT), "referrals.referral.events");
        publishing.end(null);

        assertThat(publishing.traceparent()).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").isNotEqualTo(TRACEPARENT);
    }

    @Test
    void workGivenACorrelationCarriesItAsItsCorrelationAndCause() {
        EventTracing.Origin origin = tracing.withCorrelation("agency-ref-7", tracing::current);

        assertThat(origin.correlationId()).isEqualTo("agency-ref-7");
        assertThat(origin.causationId()).isEqualTo("agency-ref-7");
        assertThat(tracing.baggage(EventTracing.CORRELATION_ID)).isNull();
    }

    @Test
    void theTraceIdOfAWellFormedTraceparentOnly() {
        assertThat(EventTracing.traceId(TRACEPARENT)).isEqualTo(TRACE_ID);
        assertThat(EventTracing.traceId("00-" + "0".repeat(32) + "-" + PRODUCER_SPAN + "-01")).isNull();
        assertThat(EventTracing.traceId("00-" + TRACE_ID + "-" + "0".repeat(16) + "-01")).isNull();
        assertThat(EventTracing.traceId("not a traceparent")).isNull();
        assertThat(EventTracing.traceId(null)).isNull();
    }

    private static EventMetadata event(String correlationId, String traceparent) {
        return new EventMetadata(UUID.randomUUID().toString(), "referrals.ReferralRouted.v1", "/saferkent/referrals", "r-1",
                Instant.now(), correlationId, null, 1, traceparent);
    }
}
