package org.saferkent.referrals.referral.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A deadline on the referral passed without the duty being done. No personal data. */
@EventType("referrals.ReferralSlaBreached.v1")
public record ReferralSlaBreached(String referralId, String clock, String district, Instant dueAt, Instant breachedAt) {
}
