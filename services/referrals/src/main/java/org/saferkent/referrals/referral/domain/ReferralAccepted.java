package org.saferkent.referrals.referral.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A service opened a case from the referral. No personal data. */
@EventType("referrals.ReferralAccepted.v1")
public record ReferralAccepted(String referralId, String pathway, String caseId, String district, Instant acceptedAt) {
}
