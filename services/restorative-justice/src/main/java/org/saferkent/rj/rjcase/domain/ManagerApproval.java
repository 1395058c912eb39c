package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

/**
 * A manager approved direct contact between the parties. {@code approvedBy} is the approver as their token
 * named them (the web layer never takes it from a request body), and never the risk assessment's author.
 *
 * @param riskLevel the level of the risk assessment it was given on; a later assessment at a higher level
 *                  withdraws it ({@code null} in approvals recorded before it was kept: the assessment then standing)
 */
public record ManagerApproval(String approvedBy, Instant approvedAt, RiskLevel riskLevel) {

    /** Refuses an approval by the person who assessed the risk it rests on ({@link RjRules#APPROVER_NOT_ASSESSOR}). */
    static void requireNotAssessor(String approvedBy, RiskAssessment assessment) {
        if (assessment != null && approvedBy != null && approvedBy.equals(assessment.assessedBy())) {
            throw new RuleViolation(RjRules.APPROVER_NOT_ASSESSOR, "approvedBy",
                    "the risk assessor cannot approve direct contact on their own assessment: another manager must");
        }
    }
}
