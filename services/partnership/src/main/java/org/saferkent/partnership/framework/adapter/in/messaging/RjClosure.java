package org.saferkent.partnership.framework.adapter.in.messaging;

import java.time.Instant;

/** What the framework reads of {@code rj.RjCaseClosed.v1}: completed, failed, consent-withdrawn or other. */
public record RjClosure(String caseId, String district, String reason, String outcome, Instant closedAt) {

    public String closeReason() {
        return reason != null ? reason : outcome;
    }
}
