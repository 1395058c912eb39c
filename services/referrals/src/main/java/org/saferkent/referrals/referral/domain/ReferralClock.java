package org.saferkent.referrals.referral.domain;

import java.time.Instant;

/** A deadline running on a referral: met, breached, or still open. */
public record ReferralClock(String name, Instant dueAt, Instant metAt, Instant breachedAt) {

    /** Victims' Code 2020, para 4.5: police pass victim details to victim services within 2 working days. */
    public static final String VICTIM_DETAILS = "victim-details-to-victim-services";
    /** A receiving service accepts or declines the referral within the working days set for its risk level. */
    public static final String TRIAGE = "triage-response";

    public boolean running() {
        return metAt == null && breachedAt == null;
    }

    ReferralClock met(Instant at) {
        return running() ? new ReferralClock(name, dueAt, at, null) : this;
    }

    ReferralClock breached(Instant at) {
        return new ReferralClock(name, dueAt, null, at);
    }
}
