package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.rj.rjcase.domain.RiskLevel;
import org.saferkent.rj.web.FieldChecks;

/**
 * A risk assessment. The assessor is the caller, named by their token, so that a manager's approval can be
 * checked against it; an {@code assessedBy} in the body (what clients used to send) is ignored.
 */
record RiskAssessmentRequest(String level, String assessedBy, String notes) {

    record Valid(RiskLevel level, String assessedBy, String notes) {
    }

    Valid validate(String caller) {
        FieldChecks checks = new FieldChecks();
        RiskLevel valid = checks.code("level", level, RiskLevel.class);
        checks.maxLength("notes", notes, 2_000);
        checks.throwIfAny();
        return new Valid(valid, caller, notes);
    }
}
