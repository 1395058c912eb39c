package org.saferkent.rj.youthjustice.domain;

import java.time.LocalDate;

/** The disposal that made the person a first-time entrant, where and when it counts. */
public record FirstTimeEntry(String disposalId, String district, String quarter, LocalDate disposalDate, int ageAtDisposal) {
}
