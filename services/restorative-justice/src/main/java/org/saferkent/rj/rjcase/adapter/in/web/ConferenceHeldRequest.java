package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.saferkent.platform.service.RequestProblems;

record ConferenceHeldRequest(@NotNull(message = "is required") @PastOrPresent(message = "is in the future") LocalDate heldOn) {

    LocalDate validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        return heldOn;
    }
}
