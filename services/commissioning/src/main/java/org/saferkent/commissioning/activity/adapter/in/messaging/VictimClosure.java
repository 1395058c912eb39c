package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/**
 * What commissioning reads of {@code victims.VictimCaseClosed.v1}: why (completed, declined-support,
 * unable-to-contact, moved-away, other) and when.
 */
public record VictimClosure(String caseId, String district, String reason, Instant closedAt) {

    public VictimClosure {
        Required.text(caseId, "caseId");
    }
}
