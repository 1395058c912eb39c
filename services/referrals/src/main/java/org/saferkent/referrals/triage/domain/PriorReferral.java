package org.saferkent.referrals.triage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A primary (not itself duplicate) referral already held for a subject.
 *
 * @param crimeReference the police crime reference, or {@code null} if the referring agency had none
 */
public record PriorReferral(String referralId, String agency, String crimeReference, String category,
        Instant receivedAt) {

    public PriorReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
