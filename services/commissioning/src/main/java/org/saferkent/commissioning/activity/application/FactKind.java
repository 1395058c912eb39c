package org.saferkent.commissioning.activity.application;

/**
 * The kinds of fact commissioning keeps, one document per natural key, each in its own collection
 * (versioned, so that a rebuild can fill fresh ones and swap them in).
 */
public enum FactKind {
    /** One referral on one pathway ({@code <referralId>:<pathway>}); also the source of the per-pathway counts. */
    REFERRAL("pathway_activity"),
    /** A duplicate referral, by its own id. */
    LINK("referral_links"),
    VICTIM_CASE("victim_case_facts"),
    RJ_CASE("rj_case_facts"),
    /** A first-time entrant's disposal, by disposal id (the person is never kept). */
    FIRST_TIME_ENTRANT("first_time_entrant_facts");

    private final String base;

    FactKind(String base) {
        this.base = base;
    }

    public String collection(int version) {
        return ProjectionVersions.name(base, version);
    }
}
