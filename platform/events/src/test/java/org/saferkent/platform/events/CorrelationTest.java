package org.saferkent.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    private static final String W3C_TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    private static EventMetadata event(String id, String correlationId, String traceparent) {
        return new EventMetadata(id, "referrals.ReferralRouted.v1", "/saferkent/referrals", "referral-1",
                Instant.parse("2026-03-01T09:15:30Z"), correlationId, "earlier-cause", 1, traceparent);
    }

    @Test
    void workCausedByAnEventStaysInItsChainWithTheEventAsDirectCause() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        Correlation caused = Correlation.causedBy(event("event-9", "chain-1", traceparent));

        assertThat(caused.correlationId()).isEqualTo("chain-1");
        assertThat(caused.causationId()).isEqualTo("event-9");
        assertThat(caused.traceparent()).isEqualTo(traceparent);
    }

    @Test
    void anEventWithoutCorrelationStartsAChainNamedAfterItselfWithAFreshTrace() {
        Correlation caused = Correlation.causedBy(event("event-9", null, null));

        assertThat(caused.correlationId()).isEqualTo("event-9");
        assertThat(caused.causationId()).isEqualTo("event-9");
        assertThat(caused.traceparent()).matches(W3C_TRACEPARENT);
    }

    @Test
    void startKeepsACallerSuppliedCorrelationId() {
        Correlation started = Correlation.start("caller-123");

        assertThat(started.correlationId()).isEqualTo("caller-123");
        assertThat(started.causationId()).isEqualTo("caller-123");
        assertThat(started.traceparent()).matches(W3C_TRACEPARENT);
    }

    @Test
    void startWithoutAnIdMakesAFreshOneEachTime() {
        Correlation first = Correlation.start(null);
        Correlation second = Correlation.start("  ");

        assertThat(first.correlationId()).isNotBlank().isNotEqualTo(second.correlationId());
        assertThat(second.correlationId()).isNotBlank();
    }

    @Test
    void traceparentsFollowTheW3cFormatAndDiffer() {
        String first = Correlation.newTraceparent();
        String second = Correlation.newTraceparent();

        assertThat(first).matches(W3C_TRACEPARENT);
        assertThat(second).matches(W3C_TRACEPARENT).isNotEqualTo(first);
    }

    @Test
    void withMakesTheCorrelationCurrentOnlyForTheWork() {
        Correlation correlation = Correlation.start("inside");

        String seen = Correlation.with(correlation, () -> Correlation.current().correlationId());

        assertThat(seen).isEqualTo("inside");
        assertThat(Correlation.current().correlationId()).isNotEqualTo("inside");
    }

    @Test
    void withRestoresThePreviousCorrelationAfterNestedWork() {
        Correlation outer = Correlation.start("outer");
        Correlation inner = Correlation.start("inner");
        AtomicReference<Correlation> duringInner = new AtomicReference<>();
        AtomicReference<Correlation> afterInner = new AtomicReference<>();

        Correlation.run(outer, () -> {
            Correlation.run(inner, () -> duringInner.set(Correlation.current()));
            afterInner.set(Correlation.current());
        });

        assertThat(duringInner.get()).isEqualTo(inner);
        assertThat(afterInner.get()).isEqualTo(outer);
    }

    @Test
    void withRestoresThePreviousCorrelationWhenTheWorkFails() {
        Correlation outer = Correlation.start("outer");
        AtomicReference<Correlation> afterFailure = new AtomicReference<>();

        Correlation.run(outer, () -> {
            try {
                Correlation.run(Correlation.start("failing"), () -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                afterFailure.set(Correlation.current());
            }
        });

        assertThat(afterFailure.get()).isEqualTo(outer);
    }

    @Test
    void outsideAnyWorkEachCallStartsAFreshChain() {
        assertThat(Correlation.current().correlationId()).isNotEqualTo(Correlation.current().correlationId());
    }
}
