package org.saferkent.partnership.asbreview.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** The decision whether to carry out a review; a review is always carried out when the threshold is met. Counts, codes and dates only: never the applicant or the people complained about. */
@EventType("partnership.AsbCaseReviewDecided.v1")
public record AsbCaseReviewDecided(String reviewId, String district, boolean reviewToBeHeld, boolean meetsThreshold, LocalDate decidedOn, Instant recordedAt) {
}
