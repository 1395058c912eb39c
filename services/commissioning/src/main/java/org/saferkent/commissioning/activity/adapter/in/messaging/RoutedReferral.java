package org.saferkent.commissioning.activity.adapter.in.messaging;

/** What commissioning reads of {@code referrals.ReferralRouted.v1}. */
public record RoutedReferral(String referralId, String district, String pathway) {

    public RoutedReferral {
        Required.text(referralId, "referralId");
        Required.text(district, "district");
        Required.text(pathway, "pathway");
    }
}
