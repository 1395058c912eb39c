package org.saferkent.commissioning.vocabulary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Which day something happened on is decided on Kent's clock (UK time), not UTC's. */
public final class KentTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private KentTime() {
    }

    public static LocalDate date(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toLocalDate();
    }

    /**
     * The day a deadline is due: deadlines are the first instant after their last day (met if done before
     * it, as the working-day calendar gives them), so the due day is the day of the instant just before.
     */
    public static LocalDate dueDay(Instant deadline) {
        return deadline == null ? null : date(deadline.minusNanos(1));
    }
}
