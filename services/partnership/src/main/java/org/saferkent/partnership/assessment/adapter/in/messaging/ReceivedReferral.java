package org.saferkent.partnership.assessment.adapter.in.messaging;

import java.time.Instant;

/**
 * What the strategic assessment reads of {@code referrals.ReferralReceived.v1}: where, what and when. Nothing about
 * the subject (no pseudonym, no age band), and any field a producer adds is ignored.
 */
public record ReceivedReferral(String referralId, String district, String category, Instant receivedAt) {

    public ReceivedReferral {
        if (referralId == null || referralId.isBlank() || district == null || category == null || receivedAt == null) {
            throw new IllegalArgumentException("referrals.ReferralReceived.v1 without referralId, district, category or receivedAt");
        }
    }
}
