package org.saferkent.partnership.framework.adapter.in.messaging;

import java.time.Instant;

/**
 * What the framework reads of {@code referrals.ReferralRouted.v1} (tolerant: other fields ignored): a referral taken
 * on by a service. The keyed pseudonym only tells one subject's referrals apart; the service keeps a hash of it and
 * never publishes it.
 */
public record RoutedReferral(String referralId, String district, String category, String subjectRole, String subjectPseudonym,
        Instant routedAt) {
}
