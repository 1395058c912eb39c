package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code victims.VictimSupportPlanAgreed.v1}: that a support plan was agreed, and when. */
public record VictimSupportPlan(String caseId, String district, Instant agreedAt) {

    public VictimSupportPlan {
        Required.text(caseId, "caseId");
    }
}
