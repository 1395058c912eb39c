package org.saferkent.referrals.triage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A primary (not itself duplicate) referral already held for a subject.
 *
 * @param crimeReference the police crime reference, or {@code null} if the referring agency had none
 * @param flags          the incident's further codes (a flag names what another agency may give as the category)
 */
public record PriorReferral(String referralId, String agency, String crimeReference, String category,
        Instant receivedAt, List<String> flags) {

    public PriorReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(receivedAt, "receivedAt");
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** A referral held before flags were kept: none. */
    public PriorReferral(String referralId, String agency, String crimeReference, String category, Instant receivedAt) {
        this(referralId, agency, crimeReference, category, receivedAt, List.of());
    }
}
