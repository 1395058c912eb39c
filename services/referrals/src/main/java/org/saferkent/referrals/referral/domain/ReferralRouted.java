package org.saferkent.referrals.referral.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A referral was sent to one pathway; one event per pathway. No personal data. */
@EventType("referrals.ReferralRouted.v1")
public record ReferralRouted(String referralId, String district, String category, String pathway, Instant routedAt) {
}
