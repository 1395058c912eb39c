package org.saferkent.commissioning.performance.application;

/**
 * The projection version and lease hold under which a refresh last kept something in memory ({@link HotDays},
 * {@link BucketWindows}, {@link CountedFacts}). What it kept still matches the store for a later round only if
 * that round is of the same version, and of the same hold or one that follows this contender's own
 * ({@link ProjectionLease.Hold#followsOwn()}): another holder in between changed the store without it knowing.
 */
final class KeptUnder {

    private int version = -1;
    private ProjectionLease.Hold hold;

    /**
     * Moves on to the round of {@code version} under {@code hold}.
     *
     * @return whether what was kept before still holds (false: the caller forgets it)
     */
    boolean moveTo(int version, ProjectionLease.Hold hold) {
        boolean still = version == this.version && (hold == this.hold || hold.followsOwn());
        this.version = version;
        this.hold = hold;
        return still;
    }

    /** Whether the last round moved to was under {@code hold}. */
    boolean under(ProjectionLease.Hold hold) {
        return hold == this.hold;
    }

    /** Forgets the last hold: a round under a hold that does not follow this contender's own is not trusted with what is kept. */
    void forget() {
        hold = null;
    }
}
