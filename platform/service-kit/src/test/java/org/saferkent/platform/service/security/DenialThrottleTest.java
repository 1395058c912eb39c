package org.saferkent.platform.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Unauthenticated refusals are recorded one by one only up to a bound per address and per window; the
 * rest are counted, and the count goes on the trail as one entry when the next window opens.
 */
class DenialThrottleTest {

    private Instant now = Instant.parse("2026-12-05T10:00:00Z");
    private final DenialThrottle throttle = new DenialThrottle(3, 5, Duration.ofMinutes(1), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void anAddressIsRecordedUpToItsBoundAndTheRestAreCountedIntoOneEntry() {
        List<DenialThrottle.Verdict> flood = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            flood.add(throttle.admit("203.0.113.7"));
        }
        assertThat(flood.stream().filter(DenialThrottle.Verdict::record)).hasSize(3);
        assertThat(flood.stream().mapToLong(DenialThrottle.Verdict::notRecordedBefore).sum()).isZero();

        now = now.plusSeconds(61);
        DenialThrottle.Verdict next = throttle.admit("203.0.113.7");
        assertThat(next.record()).isTrue();
        assertThat(next.notRecordedBefore()).isEqualTo(997);
        assertThat(next.windowStarted()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        // told once only
        assertThat(throttle.admit("203.0.113.7").notRecordedBefore()).isZero();
    }

    @Test
    void manyAddressesTogetherAreBoundedToo() {
        long recorded = 0;
        for (int i = 0; i < 500; i++) {
            if (throttle.admit("198.51.100." + (i % 250)).record()) {
                recorded++;
            }
        }
        assertThat(recorded).isEqualTo(5);

        now = now.plusSeconds(60);
        assertThat(throttle.admit("192.0.2.1").notRecordedBefore()).isEqualTo(495);
    }

    @Test
    void aBurstFollowedBySilenceHasItsCountFlushedOnceTheWindowIsOver() {
        for (int i = 0; i < 50; i++) {
            throttle.admit("203.0.113.9");
        }
        assertThat(throttle.flush()).as("the window still runs").isNull();

        now = now.plusSeconds(60);
        DenialThrottle.Verdict ended = throttle.flush();
        assertThat(ended.notRecordedBefore()).isEqualTo(47);
        assertThat(ended.windowStarted()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        // told once only: neither the next flush nor the next refusal repeats it
        assertThat(throttle.flush()).isNull();
        DenialThrottle.Verdict next = throttle.admit("203.0.113.9");
        assertThat(next.notRecordedBefore()).isZero();
        assertThat(next.record()).as("a new window: recorded again").isTrue();
    }

    @Test
    void aWindowWithEverythingRecordedHasNothingToFlush() {
        throttle.admit("203.0.113.9");
        now = now.plusSeconds(120);
        assertThat(throttle.flush()).isNull();
    }
}
