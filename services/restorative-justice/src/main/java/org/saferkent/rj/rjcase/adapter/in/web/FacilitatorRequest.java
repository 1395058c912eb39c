package org.saferkent.rj.rjcase.adapter.in.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.saferkent.platform.service.RequestProblems;

record FacilitatorRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String facilitator) {

    String validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        return facilitator;
    }
}
