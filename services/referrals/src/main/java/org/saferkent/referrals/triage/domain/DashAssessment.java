package org.saferkent.referrals.triage.domain;

import java.util.List;
import java.util.Objects;

/**
 * Scores a completed DASH checklist (SafeLives / ACPO DASH risk identification checklist, 2009).
 * Professional judgement may raise the level the count gives, never lower it.
 */
public final class DashAssessment {

    private DashAssessment() {
    }

    /**
     * @param answers               one answer per question, in order; {@code true} is "yes"
     * @param professionalJudgement the assessor's own view of the risk, or {@code null} if none was recorded;
     *                              a judgement below the scored level is ignored
     * @throws IllegalArgumentException if the number of answers does not match the checklist or an answer is missing
     */
    public static DashResult assess(DashChecklist checklist, List<Boolean> answers, RiskLevel professionalJudgement,
            DashThresholds thresholds) {
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(thresholds, "thresholds");
        if (answers.size() != checklist.questions()) {
            throw new IllegalArgumentException("the " + checklist + " DASH checklist has " + checklist.questions()
                    + " questions but " + answers.size() + " answers were given");
        }
        int yes = 0;
        for (int i = 0; i < answers.size(); i++) {
            Boolean answer = answers.get(i);
            if (answer == null) {
                throw new IllegalArgumentException("answer to question " + (i + 1) + " of the " + checklist
                        + " DASH checklist is missing");
            }
            if (answer) {
                yes++;
            }
        }
        RiskLevel scored = thresholds.levelFor(yes);
        RiskLevel level = scored.max(professionalJudgement);
        return new DashResult(yes, scored, level, level != scored);
    }
}
