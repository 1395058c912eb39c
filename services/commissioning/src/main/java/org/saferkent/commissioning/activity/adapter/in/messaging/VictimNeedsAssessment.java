package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code victims.VictimNeedsAssessed.v1}: that the victim's needs were assessed, and when. */
public record VictimNeedsAssessment(String caseId, String district, Instant assessedAt) {

    public VictimNeedsAssessment {
        Required.text(caseId, "caseId");
    }
}
