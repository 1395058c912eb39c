package org.saferkent.partnership.vocabulary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates the partnership records are Kent's calendar dates; a date's time limit runs to the end of that day. */
public final class KentDate {

    public static final ZoneId KENT = ZoneId.of("Europe/London");

    private KentDate() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), KENT);
    }

    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, KENT);
    }

    /**
     * The financial year {@code date} falls in, named by the year it starts: April to March, as the PCC and the
     * Community Safety Agreement report (financial year 2026 is 1 April 2026 to 31 March 2027).
     */
    public static int financialYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /** The moment a time limit ending on {@code date} has passed: the start of the next day in Kent. */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(KENT).toInstant();
    }
}
