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
}
