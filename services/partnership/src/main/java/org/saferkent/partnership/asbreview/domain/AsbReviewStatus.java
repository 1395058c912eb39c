package org.saferkent.partnership.asbreview.domain;

/** Where an ASB case review application stands. */
public enum AsbReviewStatus {
    /** Received; the threshold test is recorded with it. */
    RECEIVED,
    /** Decided: no review will be held. */
    NOT_HELD,
    /** Decided: a review is held. */
    UNDER_REVIEW,
    /** The review was carried out; its recommendations (none or some) recorded. */
    COMPLETED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
