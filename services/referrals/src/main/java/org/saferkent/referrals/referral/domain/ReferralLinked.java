package org.saferkent.referrals.referral.domain;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.EventType;

/** A duplicate (same subject and incident, another agency) was joined to the first referral instead of being routed again. No personal data. */
@EventType("referrals.ReferralLinked.v1")
public record ReferralLinked(String referralId, String linkedTo, String agency, String district, String category,
        String subjectPseudonym, String reason, Instant linkedAt) {
}
