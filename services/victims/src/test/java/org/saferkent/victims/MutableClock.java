package org.saferkent.victims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: real time plus an offset that only ever grows, so a test can jump
 * to a deadline without the outbox relay's leases and timeouts ever seeing time run backwards.
 * Millisecond ticks, like the platform's clock (what MongoDB stores).
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Moves the clock forward to {@code target} (never back). */
    public void advanceTo(Instant target) {
        offset.updateAndGet(current -> {
            Duration needed = Duration.between(Instant.now(), target);
            return needed.compareTo(current) > 0 ? needed : current;
        });
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock stays in UTC");
    }
}
