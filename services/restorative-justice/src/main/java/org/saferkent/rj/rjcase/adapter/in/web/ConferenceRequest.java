package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;

import jakarta.validation.Validator;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.rj.rjcase.domain.InterventionType;
import org.saferkent.rj.vocabulary.Codes;

/** Plans the intervention: its type and date. */
record ConferenceRequest(
        @NotBlank(message = "is required") @OneOf(value = InterventionType.class, blank = Blank.ALLOWED) String type,
        @NotNull(message = "is required") @FutureOrPresent(message = "is in the past") LocalDate scheduledFor) {

    record Valid(InterventionType type, LocalDate scheduledFor) {
    }

    Valid validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        return new Valid(Codes.parse(InterventionType.class, type).orElseThrow(), scheduledFor);
    }
}
