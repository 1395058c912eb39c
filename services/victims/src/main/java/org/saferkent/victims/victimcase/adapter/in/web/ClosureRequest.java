package org.saferkent.victims.victimcase.adapter.in.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.domain.ClosureReason;
import org.saferkent.victims.victimcase.domain.Codes;

/** Why the case closes. */
record ClosureRequest(@NotBlank(message = "is required") @OneOf(value = ClosureReason.class, blank = Blank.ALLOWED) String reason) {

    CaseDecision validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        ClosureReason why = Codes.parse(ClosureReason.class, reason).orElseThrow();
        return (victimCase, now) -> victimCase.close(why, now);
    }
}
