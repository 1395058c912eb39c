package org.saferkent.referrals.referral.domain;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.EventType;

/** A partner agency's referral was taken in. No personal data. */
@EventType("referrals.ReferralReceived.v1")
public record ReferralReceived(String referralId, String agency, String district, String csp, String category, List<String> flags,
        String asbType, String subjectRole, String subjectPseudonym, String ageBand, String consentBasis, Instant receivedAt) {
}
