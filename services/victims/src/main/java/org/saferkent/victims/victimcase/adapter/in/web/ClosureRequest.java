package org.saferkent.victims.victimcase.adapter.in.web;

import org.saferkent.victims.victimcase.domain.ClosureReason;

/** Why the case closes. */
record ClosureRequest(String reason) {

    CaseDecision validate() {
        FieldProblems problems = new FieldProblems();
        ClosureReason why = problems.code("reason", reason, ClosureReason.class);
        problems.throwIfAny();
        return (victimCase, now) -> victimCase.close(why, now);
    }
}
