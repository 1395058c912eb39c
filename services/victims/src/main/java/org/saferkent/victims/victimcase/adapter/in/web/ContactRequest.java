package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Instant;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.domain.Codes;
import org.saferkent.victims.victimcase.domain.ContactChannel;
import org.saferkent.victims.victimcase.domain.ContactOutcome;

/** A contact attempt: when (default now), how, and what came of it. */
record ContactRequest(
        @Timestamp String attemptedAt,
        @NotBlank(message = "is required") @Code(ContactChannel.class) String channel,
        @NotBlank(message = "is required") @Code(ContactOutcome.class) String outcome) {

    CaseDecision validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        Instant when = Timestamp.Check.parse(attemptedAt);
        ContactChannel how = Codes.parse(ContactChannel.class, channel).orElseThrow();
        ContactOutcome result = Codes.parse(ContactOutcome.class, outcome).orElseThrow();
        return (victimCase, now) -> victimCase.recordContact(when != null ? when : now, how, result, now);
    }
}
