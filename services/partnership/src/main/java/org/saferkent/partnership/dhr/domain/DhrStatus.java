package org.saferkent.partnership.dhr.domain;

/** Where a Domestic Homicide Review stands. */
public enum DhrStatus {
    /** Notified; the decision whether to hold a review is awaited. */
    NOTIFIED,
    /** Decided not to hold a review (the Home Office is told why). */
    NOT_HELD,
    /** Decided to hold a review: panel, chair, the review itself. */
    UNDER_REVIEW,
    /** The overview report is finished. */
    COMPLETED,
    /** Sent to the Home Office's quality assurance panel. */
    SUBMITTED,
    /** Published. */
    PUBLISHED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
