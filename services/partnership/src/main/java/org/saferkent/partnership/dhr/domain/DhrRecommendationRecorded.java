package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** One of the review's recommendations, tracked as an action with an owner agency and a due date. Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrRecommendationRecorded.v1")
public record DhrRecommendationRecorded(String reviewId, String recommendationId, String district, String ownerAgency, LocalDate dueOn, Instant recordedAt) {
}
