package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code rj.RjCaseClosed.v1}: completed, failed, consent-withdrawn or other. */
public record RjClosure(String caseId, String district, String reason, String outcome, Instant closedAt) {

    public RjClosure {
        Required.text(caseId, "caseId");
    }

    public String closeReason() {
        return reason != null ? reason : outcome;
    }
}
