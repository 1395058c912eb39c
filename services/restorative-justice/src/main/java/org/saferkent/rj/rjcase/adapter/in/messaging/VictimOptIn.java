package org.saferkent.rj.rjcase.adapter.in.messaging;

import org.saferkent.platform.events.InvalidEventException;

/** What restorative-justice needs from {@code victims.VictimOptedIntoRestorativeJustice.v1}. */
public record VictimOptIn(String caseId, String referralId, String district, String category, String subjectPseudonym) {

    public VictimOptIn {
        if (caseId == null || caseId.isBlank()) {
            throw new InvalidEventException("missing field 'caseId'");
        }
        if (district == null || district.isBlank()) {
            throw new InvalidEventException("missing field 'district'");
        }
    }
}
