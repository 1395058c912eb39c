package org.saferkent.referrals.triage.domain;

/** The two published versions of the DASH risk checklist and how many questions each asks. */
public enum DashChecklist {
    /** The police DASH (2009) risk identification checklist. */
    POLICE(27),
    /** The SafeLives DASH risk identification checklist used by non-police agencies. */
    SAFELIVES(24);

    private final int questions;

    DashChecklist(int questions) {
        this.questions = questions;
    }

    public int questions() {
        return questions;
    }
}
