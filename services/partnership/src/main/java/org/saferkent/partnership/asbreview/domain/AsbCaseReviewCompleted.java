package org.saferkent.partnership.asbreview.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** The review was carried out; how many recommendations it made (the recommendations themselves stay in the service). Counts, codes and dates only: never the applicant or the people complained about. */
@EventType("partnership.AsbCaseReviewCompleted.v1")
public record AsbCaseReviewCompleted(String reviewId, String district, LocalDate completedOn, int recommendations, Instant recordedAt) {
}
