package org.saferkent.referrals.referral.domain;

import java.time.LocalDate;

/**
 * The lawful basis for sharing: the subject's recorded consent (date, who recorded it), or a recorded
 * lawful override (e.g. safeguarding, prevention of crime) with its reason. A referral has one or
 * the other, or it is refused.
 */
public record Consent(boolean given, LocalDate recordedOn, String recordedBy, String overrideBasis, String overrideReason) {

    public static final java.util.Set<String> OVERRIDE_BASES = java.util.Set.of(
            "safeguarding", "prevention-of-crime", "vital-interests", "court-order");

    public boolean isOverride() {
        return !given;
    }
}
