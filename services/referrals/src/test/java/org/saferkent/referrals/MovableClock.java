package org.saferkent.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock in milliseconds (as the platform's own clock ticks) plus an offset a test can move
 * forward, never back: time keeps passing, so whatever waits on the clock (the outbox relay) still runs.
 */
final class MovableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the movable clock keeps UTC");
    }

    /** Moves the clock on so that it now reads {@code target} or a little later; a target already passed changes nothing. */
    void moveTo(Instant target) {
        offsetMillis.accumulateAndGet(target.toEpochMilli() - System.currentTimeMillis(), Math::max);
    }
}
