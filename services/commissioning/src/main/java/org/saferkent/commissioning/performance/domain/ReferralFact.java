package org.saferkent.commissioning.performance.domain;

import java.time.LocalDate;

/** One referral on one pathway: when it was routed there, accepted or declined (each day or null). */
public record ReferralFact(String referralId, String pathway, String district, LocalDate routedOn,
        LocalDate acceptedOn, LocalDate declinedOn) {
}
