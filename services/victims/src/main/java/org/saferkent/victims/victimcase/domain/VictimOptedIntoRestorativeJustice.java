package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * The victim asked to take part in restorative justice; restorative-justice opens its case from this.
 * No personal data.
 */
@EventType("victims.VictimOptedIntoRestorativeJustice.v1")
public record VictimOptedIntoRestorativeJustice(String caseId, String referralId, String district, String category,
        String subjectPseudonym, Instant optedInAt) {
}
