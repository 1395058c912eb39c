package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code referrals.ReferralAccepted.v1} and {@code referrals.ReferralDeclined.v1}. */
public record AnsweredReferral(String referralId, String pathway, String district, Instant acceptedAt, Instant declinedAt) {

    public AnsweredReferral {
        Required.text(referralId, "referralId");
        Required.text(pathway, "pathway");
        Required.text(district, "district");
    }
}
