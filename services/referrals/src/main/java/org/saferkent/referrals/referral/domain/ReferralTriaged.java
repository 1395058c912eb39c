package org.saferkent.referrals.referral.domain;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.EventType;

/** Risk was assessed (DASH for domestic abuse) and the MARAC decision made. No personal data. */
@EventType("referrals.ReferralTriaged.v1")
public record ReferralTriaged(String referralId, String district, String riskLevel, Integer dashYesAnswers,
        boolean raisedByProfessionalJudgement, boolean marac, List<String> maracReasons, Instant triagedAt) {
}
