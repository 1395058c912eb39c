package org.saferkent.commissioning.activity.adapter.in.messaging;

import java.time.Instant;

/** What commissioning reads of {@code referrals.ReferralRouted.v1} (never the subject's pseudonym). */
public record RoutedReferral(String referralId, String district, String pathway, Instant routedAt) {

    public RoutedReferral {
        Required.text(referralId, "referralId");
        Required.text(district, "district");
        Required.text(pathway, "pathway");
    }
}
