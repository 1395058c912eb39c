package org.saferkent.referrals.triage.domain;

import java.util.Objects;

/**
 * The outcome of a DASH assessment.
 *
 * @param yesAnswers                     how many questions were answered "yes"
 * @param scored                         the level the count alone gives
 * @param level                          the level to act on: the scored level, or higher if a
 *                                       professional judged the risk higher
 * @param raisedByProfessionalJudgement  whether {@code level} is above {@code scored}
 */
public record DashResult(int yesAnswers, RiskLevel scored, RiskLevel level, boolean raisedByProfessionalJudgement) {

    public DashResult {
        Objects.requireNonNull(scored, "scored");
        Objects.requireNonNull(level, "level");
        if (level.compareTo(scored) < 0) {
            throw new IllegalArgumentException("a DASH level (" + level + ") is never below its score (" + scored + ")");
        }
        if (raisedByProfessionalJudgement != (level != scored)) {
            throw new IllegalArgumentException("raisedByProfessionalJudgement must say whether the level is above the score");
        }
    }

    public boolean goesToMarac() {
        return level == RiskLevel.HIGH;
    }
}
