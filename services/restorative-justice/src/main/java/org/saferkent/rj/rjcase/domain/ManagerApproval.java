package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

/**
 * A manager approved direct contact between the parties. {@code approvedBy} is the approver as their token
 * named them (the web layer never takes it from a request body), and never the risk assessment's author.
 */
public record ManagerApproval(String approvedBy, Instant approvedAt) {

    /** Refuses an approval by the person who assessed the risk it rests on ({@link RjRules#APPROVER_NOT_ASSESSOR}). */
    static void requireNotAssessor(String approvedBy, RiskAssessment assessment) {
        if (assessment != null && approvedBy != null && approvedBy.equals(assessment.assessedBy())) {
            throw new RuleViolation(RjRules.APPROVER_NOT_ASSESSOR, "approvedBy",
                    "the risk assessor cannot approve direct contact on their own assessment: another manager must");
        }
    }
}
