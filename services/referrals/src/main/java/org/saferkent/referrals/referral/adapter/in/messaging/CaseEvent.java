package org.saferkent.referrals.referral.adapter.in.messaging;

import org.saferkent.platform.events.InvalidEventException;

/**
 * What referrals reads of the case services' events (VictimCaseOpened/Closed,
 * RjCaseOpened/Closed): its own tolerant reading, never the producers' classes.
 */
public record CaseEvent(String caseId, String referralId, String pathway, String reason, String outcome) {

    public CaseEvent {
        if (caseId == null || caseId.isBlank()) {
            throw new InvalidEventException("missing field 'caseId'");
        }
    }

    public String pathwayOr(String fallback) {
        return pathway != null ? pathway : fallback;
    }

    public String outcomeOrReason() {
        return outcome != null ? outcome : reason;
    }
}
