package org.saferkent.referrals.referral.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A case opened from the referral was closed, with its outcome. No personal data. */
@EventType("referrals.ReferralClosed.v1")
public record ReferralClosed(String referralId, String pathway, String caseId, String outcome, String district, Instant closedAt) {
}
