package org.saferkent.rj.rjcase.adapter.in.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.rj.rjcase.domain.RiskLevel;
import org.saferkent.rj.vocabulary.Codes;

/**
 * A risk assessment. The assessor is the caller, named by their token, so that a manager's approval can be
 * checked against it; an {@code assessedBy} in the body (what clients used to send) is ignored.
 */
record RiskAssessmentRequest(
        @NotBlank(message = "is required") @OneOf(value = RiskLevel.class, blank = Blank.ALLOWED) String level,
        String assessedBy,
        @Size(max = 2_000, message = "must be at most {max} characters") String notes) {

    record Valid(RiskLevel level, String assessedBy, String notes) {
    }

    Valid validate(Validator validator, String caller) {
        RequestProblems.of(validator, this).throwIfAny();
        return new Valid(Codes.parse(RiskLevel.class, level).orElseThrow(), caller, notes);
    }
}
