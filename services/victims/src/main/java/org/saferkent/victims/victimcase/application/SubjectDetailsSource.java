package org.saferkent.victims.victimcase.application;

/** Where victims fetches a victim's personal details from: the referrals claim check. */
public interface SubjectDetailsSource {

    /** Never throws for a failure of the source: that is {@link SubjectLookup.Unavailable}. */
    SubjectLookup lookUp(String referralId);
}
