package org.saferkent.victims.victimcase.application;

import org.saferkent.victims.victimcase.domain.VictimDetails;

/** What asking referrals for a victim's details came to. */
public sealed interface SubjectLookup {

    /** The details, to be stored apart from the case. */
    record Found(VictimDetails details) implements SubjectLookup {
    }

    /** Referrals holds no details for the referral (404): nothing to wait for. */
    record NotHeld() implements SubjectLookup {
    }

    /** Referrals could not answer now (down, slow, circuit open): try again later. Never quotes data. */
    record Unavailable(String reason) implements SubjectLookup {
    }
}
