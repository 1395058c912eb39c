package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The facilitator's risk assessment; the latest one stands. Notes stay in the case, never on the bus. */
public record RiskAssessment(RiskLevel level, String assessedBy, String notes, Instant assessedAt) {

    private static final ZoneId KENT = ZoneId.of("Europe/London");

    /** The day it was made, on Kent's calendar (as the dates agencies post are). */
    public LocalDate assessedOn() {
        return LocalDate.ofInstant(assessedAt, KENT);
    }
}
