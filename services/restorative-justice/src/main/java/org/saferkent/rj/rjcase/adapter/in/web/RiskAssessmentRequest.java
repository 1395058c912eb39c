package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.rj.rjcase.domain.RiskLevel;
import org.saferkent.rj.web.FieldChecks;

record RiskAssessmentRequest(String level, String assessedBy, String notes) {

    record Valid(RiskLevel level, String assessedBy, String notes) {
    }

    Valid validate() {
        FieldChecks checks = new FieldChecks();
        RiskLevel valid = checks.code("level", level, RiskLevel.class);
        checks.text("assessedBy", assessedBy);
        checks.maxLength("notes", notes, 2_000);
        checks.throwIfAny();
        return new Valid(valid, assessedBy, notes);
    }
}
