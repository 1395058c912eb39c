package org.saferkent.referrals.referral.domain;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.EventType;

/**
 * The referral was sent to one pathway; one event per pathway. No personal data. {@code routedAt} is
 * when the pathway's service was given the referral (its Victims' Code clocks run from it);
 * {@code receivedByAgencyAt}, added in v1 as an optional field, when the referring agency had the
 * victim's details.
 */
@EventType("referrals.ReferralRouted.v1")
public record ReferralRouted(String referralId, String district, String category, List<String> flags, String pathway, String riskLevel,
        boolean marac, String subjectRole, String subjectPseudonym, String ageBand, List<String> vulnerabilities, Instant routedAt,
        Instant receivedByAgencyAt) {
}
