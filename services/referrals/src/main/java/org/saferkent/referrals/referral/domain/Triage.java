package org.saferkent.referrals.referral.domain;

import java.util.List;

/**
 * The outcome of triage: the risk level (DASH where domestic abuse, else standard), whether the
 * case goes to MARAC and why.
 */
public record Triage(String riskLevel, Integer dashYesAnswers, boolean raisedByProfessionalJudgement, boolean marac,
        List<String> maracReasons) {
}
