package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;

import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.saferkent.platform.service.RequestProblems;

/** A participant's written, informed consent and the date it was given. */
record ConsentRequest(
        @NotNull(message = "is required")
        @AssertTrue(message = "must be true: consent to restorative justice is given in writing") Boolean written,
        @NotNull(message = "is required")
        @AssertTrue(message = "must be true: consent to restorative justice is informed") Boolean informed,
        @NotNull(message = "is required") @PastOrPresent(message = "is in the future") LocalDate recordedOn) {

    ConsentRequest validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        return this;
    }
}
