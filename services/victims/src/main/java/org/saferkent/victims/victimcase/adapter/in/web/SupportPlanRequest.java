package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.saferkent.platform.service.RequestProblems;
import org.saferkent.platform.service.IsoDate;

/** The actions agreed with the victim and the date the plan is reviewed. */
record SupportPlanRequest(
        @NotEmpty(message = "must hold at least one action") @Size(max = MAX_ACTIONS, message = "must hold at most {max} actions")
        List<@NotBlank(message = "is required") @Size(max = MAX_ACTION_LENGTH, message = "must be at most {max} characters") String>
        actions,
        @NotBlank(message = "is required") @IsoDate String reviewOn) {

    static final int MAX_ACTIONS = 50;
    static final int MAX_ACTION_LENGTH = 500;

    CaseDecision validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        List<String> agreed = actions.stream().map(String::strip).toList();
        LocalDate review = IsoDate.Check.parse(reviewOn);
        return (victimCase, now) -> victimCase.agreeSupportPlan(agreed, review, now);
    }
}
