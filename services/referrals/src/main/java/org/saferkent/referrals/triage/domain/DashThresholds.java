package org.saferkent.referrals.triage.domain;

/**
 * How many "yes" answers on a DASH checklist make a case HIGH or MEDIUM risk.
 *
 * @param high   the fewest "yes" answers that score HIGH
 * @param medium the fewest "yes" answers that score MEDIUM; fewer is STANDARD
 */
public record DashThresholds(int high, int medium) {

    public DashThresholds {
        if (medium < 1) {
            throw new IllegalArgumentException("DASH medium threshold must be at least 1, was " + medium);
        }
        if (high <= medium) {
            throw new IllegalArgumentException(
                    "DASH high threshold (" + high + ") must be above the medium threshold (" + medium + ")");
        }
    }

    /** SafeLives DASH guidance: 14 or more "yes" = HIGH, 10 to 13 = MEDIUM, 9 or fewer = STANDARD. */
    public static DashThresholds defaults() {
        return new DashThresholds(14, 10);
    }

    public RiskLevel levelFor(int yesAnswers) {
        if (yesAnswers >= high) {
            return RiskLevel.HIGH;
        }
        return yesAnswers >= medium ? RiskLevel.MEDIUM : RiskLevel.STANDARD;
    }
}
