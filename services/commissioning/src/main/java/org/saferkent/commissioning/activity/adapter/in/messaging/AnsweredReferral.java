package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/**
 * What commissioning reads of {@code referrals.ReferralAccepted.v1} and {@code referrals.ReferralDeclined.v1};
 * {@code caseId} (the case opened, on an acceptance) may be absent.
 */
public record AnsweredReferral(String referralId, String pathway, String district, Instant acceptedAt, Instant declinedAt,
        String caseId) {

    public AnsweredReferral {
        Required.text(referralId, "referralId");
        Required.text(pathway, "pathway");
        Required.text(district, "district");
    }
}
