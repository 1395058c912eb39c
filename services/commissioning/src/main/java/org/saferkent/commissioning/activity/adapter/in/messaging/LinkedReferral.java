package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code referrals.ReferralLinked.v1}: a duplicate and the referral it joined. */
public record LinkedReferral(String referralId, String linkedTo, String district, Instant linkedAt) {

    public LinkedReferral {
        Required.text(referralId, "referralId");
        Required.text(linkedTo, "linkedTo");
        Required.text(district, "district");
    }
}
