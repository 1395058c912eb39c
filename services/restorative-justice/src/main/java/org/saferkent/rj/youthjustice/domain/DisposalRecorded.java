package org.saferkent.rj.youthjustice.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/**
 * A disposal was recorded for a person known by pseudonym. Ages only, never a date of birth.
 *
 * @param youth            aged 10–17 at the disposal
 * @param firstTimeEntrant this disposal made the person a first-time entrant
 */
@EventType("rj.DisposalRecorded.v1")
public record DisposalRecorded(String disposalId, String personPseudonym, String agency, String district,
        String offenceCategory, LocalDate offenceDate, String disposalType, LocalDate disposalDate, int ageAtOffence,
        int ageAtDisposal, String ageBasis, boolean youth, boolean firstTimeEntrant, Instant recordedAt) {
}
