package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Instant;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.saferkent.platform.service.OneOf;
import org.saferkent.platform.service.OneOf.Blank;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.domain.Codes;
import org.saferkent.victims.victimcase.domain.ContactChannel;
import org.saferkent.victims.victimcase.domain.ContactOutcome;

/** A contact attempt: when (default now), how, and what came of it. */
record ContactRequest(
        @Timestamp String attemptedAt,
        @NotBlank(message = "is required") @OneOf(value = ContactChannel.class, blank = Blank.ALLOWED) String channel,
        @NotBlank(message = "is required") @OneOf(value = ContactOutcome.class, blank = Blank.ALLOWED) String outcome) {

    CaseDecision validate(Validator validator) {
        RequestProblems.of(validator, this).throwIfAny();
        Instant when = Timestamp.Check.parse(attemptedAt);
        ContactChannel how = Codes.parse(ContactChannel.class, channel).orElseThrow();
        ContactOutcome result = Codes.parse(ContactOutcome.class, outcome).orElseThrow();
        return (victimCase, now) -> victimCase.recordContact(when != null ? when : now, how, result, now);
    }
}
