package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/**
 * The restorative intervention took place: a direct conference, or an indirect one (shuttle,
 * letters), a community resolution or a youth restorative disposal. Counts of consenting participants only.
 */
@EventType("rj.RjConferenceHeld.v1")
public record RjConferenceHeld(String caseId, String referralId, String district, String category, String type,
        boolean directContact, LocalDate heldOn, int victims, int offenders, int affectedParties, Instant recordedAt) {
}
