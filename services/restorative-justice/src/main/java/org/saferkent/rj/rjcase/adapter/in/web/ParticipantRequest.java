package org.saferkent.rj.rjcase.adapter.in.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.rj.rjcase.domain.ParticipantRole;
import org.saferkent.rj.vocabulary.Codes;
import org.saferkent.rj.web.Pseudonym;

/** Someone joining the case, by pseudonym and age only. */
record ParticipantRequest(
        @NotBlank(message = "is required") @OneOf(value = ParticipantRole.class, blank = Blank.ALLOWED) String role,
        @NotBlank(message = "is required") @Pseudonym String pseudonym,
        @NotNull(message = "is required") Integer age) {

    record Valid(ParticipantRole role, String pseudonym, int age) {
    }

    Valid validate(Validator validator) {
        RequestProblems problems = RequestProblems.of(validator, this);
        ParticipantRole valid = Codes.parse(ParticipantRole.class, role).orElse(null);
        // the youngest age depends on the role
        if (age != null && valid == ParticipantRole.OFFENDER && (age < 10 || age > 120)) {
            problems.add("age", "must be 10 to 120: 10 is the age of criminal responsibility");
        } else if (age != null && valid != ParticipantRole.OFFENDER && (age < 0 || age > 120)) {
            problems.add("age", "must be 0 to 120");
        }
        problems.throwIfAny();
        return new Valid(valid, pseudonym, age);
    }
}
