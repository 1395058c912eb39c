package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.platform.events.EventType;

/** A death was notified to the partnership as one that may call for a Domestic Homicide Review. Codes, dates and ids only: no name, no personal detail. */
@EventType("partnership.DhrNotified.v1")
public record DhrNotified(String reviewId, String district, String csp, LocalDate notifiedOn, List<String> agenciesInvolved, LocalDate decisionDueOn, Instant notifiedAt) {
}
