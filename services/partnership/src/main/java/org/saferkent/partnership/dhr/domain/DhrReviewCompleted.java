package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** The review (its overview report) was completed; due within six months of the decision. Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrReviewCompleted.v1")
public record DhrReviewCompleted(String reviewId, String district, LocalDate completedOn, boolean withinTimeLimit, Instant recordedAt) {
}
