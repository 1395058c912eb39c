package org.saferkent.partnership.assessment.adapter.in.messaging;

/**
 * What the strategic assessment reads of {@code referrals.ReferralLinked.v1}: which referral was a duplicate (the same
 * subject and incident from another agency), so that the incident is counted once.
 */
public record LinkedReferral(String referralId) {

    public LinkedReferral {
        if (referralId == null || referralId.isBlank()) {
            throw new IllegalArgumentException("referrals.ReferralLinked.v1 without referralId");
        }
    }
}
