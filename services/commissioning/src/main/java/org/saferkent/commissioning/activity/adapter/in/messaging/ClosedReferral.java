package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/**
 * What commissioning reads of {@code referrals.ReferralClosed.v1}: the case opened from a referral for one pathway
 * was closed, with its outcome (for a partner team's pathway, one of its inbox's fixed outcomes).
 */
public record ClosedReferral(String referralId, String pathway, String caseId, String outcome, String district, Instant closedAt) {

    public ClosedReferral {
        Required.text(referralId, "referralId");
        Required.text(pathway, "pathway");
        Required.text(district, "district");
    }
}
