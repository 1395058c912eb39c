package org.saferkent.rj.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates posted by Kent's agencies are Kent's calendar dates. */
public final class KentDate {

    public static final ZoneId KENT = ZoneId.of("Europe/London");

    private KentDate() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), KENT);
    }
}
