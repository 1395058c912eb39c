package org.saferkent.rj.youthjustice.domain;

/**
 * What the police or a court decided. Which disposals bring someone formally into the youth justice
 * system (a caution or a court sentence, not a community resolution), which start a proven
 * reoffending cohort (a caution, a non-custodial sentence, a release from custody) and which prove an
 * offence (a caution or a conviction).
 */
public enum DisposalType {
    COMMUNITY_RESOLUTION(false, false, false),
    YOUTH_RESTORATIVE_DISPOSAL(false, false, false),
    YOUTH_CAUTION(true, true, true),
    YOUTH_CONDITIONAL_CAUTION(true, true, true),
    ADULT_CAUTION(true, true, true),
    /** A non-custodial court sentence: referral order, youth rehabilitation order, community order, fine, discharge. */
    COURT_SENTENCE(true, true, true),
    /** The offender enters a reoffending cohort on release, not on sentence. */
    CUSTODIAL_SENTENCE(true, false, true),
    RELEASE_FROM_CUSTODY(false, true, false);

    private final boolean formalEntry;
    private final boolean cohortEntry;
    private final boolean provesOffence;

    DisposalType(boolean formalEntry, boolean cohortEntry, boolean provesOffence) {
        this.formalEntry = formalEntry;
        this.cohortEntry = cohortEntry;
        this.provesOffence = provesOffence;
    }

    /** A caution or a court sentence: the first one aged 10–17 makes a first-time entrant. */
    public boolean formalEntry() {
        return formalEntry;
    }

    /** Puts the person in the proven reoffending cohort of the quarter it falls in. */
    public boolean cohortEntry() {
        return cohortEntry;
    }

    /** Proves an offence, so can prove a re-offence. */
    public boolean provesOffence() {
        return provesOffence;
    }
}
