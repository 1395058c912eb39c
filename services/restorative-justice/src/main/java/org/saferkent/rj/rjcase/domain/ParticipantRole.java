package org.saferkent.rj.rjcase.domain;

/** Who takes part: the victim, the offender, or another affected party (family, community, a business). */
public enum ParticipantRole {
    VICTIM, OFFENDER, AFFECTED_PARTY;

    /** The victim's side of the restorative meeting: the victim or another affected party. */
    public boolean harmedSide() {
        return this != OFFENDER;
    }
}
