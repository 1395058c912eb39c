package org.saferkent.partnership.asbreview.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** An application for an ASB case review (the community trigger), with the threshold test: the complaints about the same problem in the six months before it against the district's threshold. Counts, codes and dates only: never the applicant or the people complained about. */
@EventType("partnership.AsbCaseReviewApplied.v1")
public record AsbCaseReviewApplied(String reviewId, String district, LocalDate receivedOn, int complaints, int threshold, boolean meetsThreshold, Instant recordedAt) {
}
