package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code rj.RjOutcomeRecorded.v1}: the victim's satisfaction (1–5) and recommendation. */
public record RjOutcome(String caseId, String district, Integer victimSatisfaction, Boolean wouldRecommend,
        Instant recordedAt) {

    public RjOutcome {
        Required.text(caseId, "caseId");
        if (victimSatisfaction != null && (victimSatisfaction < 1 || victimSatisfaction > 5)) {
            throw new org.saferkent.platform.events.InvalidEventException("field 'victimSatisfaction' must be 1 to 5");
        }
    }
}
