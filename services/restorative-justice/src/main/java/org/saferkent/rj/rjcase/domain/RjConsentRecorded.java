package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** A participant gave written, informed consent. Pseudonym and age only. */
@EventType("rj.RjConsentRecorded.v1")
public record RjConsentRecorded(String caseId, String referralId, String district, String participantId, String role,
        String participantPseudonym, Integer age, LocalDate recordedOn, Instant recordedAt) {
}
