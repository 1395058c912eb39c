package org.saferkent.referrals.referral.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A partner agency's referral was accepted for triage. No personal data. */
@EventType("referrals.ReferralReceived.v1")
public record ReferralReceived(String referralId, String agency, String district, String csp, String category,
        Instant receivedAt) {
}
