package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** The review was published. Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrPublished.v1")
public record DhrPublished(String reviewId, String district, LocalDate publishedOn, Instant recordedAt) {
}
