package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Instant;

import org.saferkent.victims.victimcase.domain.ContactChannel;
import org.saferkent.victims.victimcase.domain.ContactOutcome;

/** A contact attempt: when (default now), how, and what came of it. */
record ContactRequest(String attemptedAt, String channel, String outcome) {

    CaseDecision validate() {
        FieldProblems problems = new FieldProblems();
        Instant when = problems.instant("attemptedAt", attemptedAt);
        ContactChannel how = problems.code("channel", channel, ContactChannel.class);
        ContactOutcome result = problems.code("outcome", outcome, ContactOutcome.class);
        problems.throwIfAny();
        return (victimCase, now) -> victimCase.recordContact(when != null ? when : now, how, result, now);
    }
}
