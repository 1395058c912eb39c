package org.saferkent.partnership.dhr.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A step passed its time limit undone (decision, review, or a recommendation's action); recommendationId is null but for a recommendation. Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrDeadlineMissed.v1")
public record DhrDeadlineMissed(String reviewId, String district, String clock, String recommendationId, Instant dueAt, Instant missedAt) {
}
