package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** The partnership decided whether to hold a review (due within one month of the notification); reviewDueOn is null when none is held. Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrDecisionRecorded.v1")
public record DhrDecisionRecorded(String reviewId, String district, boolean holdReview, String reason, LocalDate decidedOn, boolean withinTimeLimit, LocalDate reviewDueOn, Instant recordedAt) {
}
