package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** The overview report was submitted to the Home Office. Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrSubmittedToHomeOffice.v1")
public record DhrSubmittedToHomeOffice(String reviewId, String district, LocalDate submittedOn, Instant recordedAt) {
}
