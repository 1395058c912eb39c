package org.saferkent.rj.rjcase.adapter.in.web;

import org.saferkent.rj.rjcase.domain.ParticipantRole;
import org.saferkent.rj.web.FieldChecks;

/** Someone joining the case, by pseudonym and age only. */
record ParticipantRequest(String role, String pseudonym, Integer age) {

    record Valid(ParticipantRole role, String pseudonym, int age) {
    }

    Valid validate() {
        FieldChecks checks = new FieldChecks();
        ParticipantRole valid = checks.code("role", role, ParticipantRole.class);
        checks.pseudonym("pseudonym", pseudonym);
        if (valid == ParticipantRole.OFFENDER) {
            checks.range("age", age, 10, 120, ": 10 is the age of criminal responsibility");
        } else {
            checks.range("age", age, 0, 120, "");
        }
        checks.throwIfAny();
        return new Valid(valid, pseudonym, age);
    }
}
