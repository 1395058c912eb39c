package org.saferkent.rj.rjcase.domain;

/** How the parties are brought together. Only a direct conference puts them face to face. */
public enum InterventionType {
    DIRECT_CONFERENCE(true),
    /** Shuttle mediation or letters: no meeting of the parties. */
    INDIRECT(false),
    COMMUNITY_RESOLUTION(false),
    YOUTH_RESTORATIVE_DISPOSAL(false);

    private final boolean directContact;

    InterventionType(boolean directContact) {
        this.directContact = directContact;
    }

    public boolean directContact() {
        return directContact;
    }
}
