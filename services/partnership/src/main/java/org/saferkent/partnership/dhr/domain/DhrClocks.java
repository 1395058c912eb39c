package org.saferkent.partnership.dhr.domain;

import java.time.LocalDate;

/**
 * The time limits of the Home Office's Multi-agency Statutory Guidance for the Conduct of Domestic Homicide
 * Reviews: the decision whether to hold a review within one month of the notification, the review completed
 * within six months of that decision. A recommendation's action is due when the review's action plan says.
 * A limit ending on a date has passed once that day is over in Kent.
 */
public final class DhrClocks {

    /** The clock names on {@code ops.SlaBreached} and {@code DhrDeadlineMissed}. */
    public static final String DECISION = "dhr-decision";
    public static final String REVIEW = "dhr-review";
    public static final String RECOMMENDATION = "dhr-recommendation";

    public static final int DECISION_MONTHS = 1;
    public static final int REVIEW_MONTHS = 6;

    private DhrClocks() {
    }

    public static LocalDate decisionDue(LocalDate notifiedOn) {
        return notifiedOn.plusMonths(DECISION_MONTHS);
    }

    public static LocalDate reviewDue(LocalDate decidedOn) {
        return decidedOn.plusMonths(REVIEW_MONTHS);
    }
}
