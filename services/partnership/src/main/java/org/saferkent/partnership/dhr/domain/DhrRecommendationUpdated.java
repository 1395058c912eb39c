package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** A recommendation's action changed status (open, in-progress, done). Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrRecommendationUpdated.v1")
public record DhrRecommendationUpdated(String reviewId, String recommendationId, String district, String status, LocalDate doneOn, boolean withinTimeLimit, Instant recordedAt) {
}
