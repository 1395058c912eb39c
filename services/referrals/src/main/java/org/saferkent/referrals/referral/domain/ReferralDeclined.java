package org.saferkent.referrals.referral.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A service declined the referral. No personal data. */
@EventType("referrals.ReferralDeclined.v1")
public record ReferralDeclined(String referralId, String pathway, String caseId, String reason, String district, Instant declinedAt) {
}
