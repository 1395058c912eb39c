package org.saferkent.rj.rjcase.adapter.in.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.rj.rjcase.domain.ClosureReason;
import org.saferkent.rj.vocabulary.Codes;

/** Closes a case that ends without an outcome. {@code detail} is a short code, never free text about people. */
record ClosureRequest(
        @NotBlank(message = "is required") @OneOf(value = ClosureReason.class, blank = Blank.ALLOWED) String reason,
        @Pattern(regexp = "^[a-z0-9-]{1,50}$", message = "must be a short code: 1 to 50 lowercase letters, digits or hyphens")
        String detail) {

    record Valid(ClosureReason reason, String detail) {
    }

    Valid validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        return new Valid(Codes.parse(ClosureReason.class, reason).orElseThrow(), detail);
    }
}
