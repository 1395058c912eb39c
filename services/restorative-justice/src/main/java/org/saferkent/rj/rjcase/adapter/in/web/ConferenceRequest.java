package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;

import org.saferkent.rj.rjcase.domain.InterventionType;
import org.saferkent.rj.web.FieldChecks;

/** Plans the intervention: its type and date. */
record ConferenceRequest(String type, LocalDate scheduledFor) {

    record Valid(InterventionType type, LocalDate scheduledFor) {
    }

    Valid validate(LocalDate today) {
        FieldChecks checks = new FieldChecks();
        InterventionType valid = checks.code("type", type, InterventionType.class);
        if (checks.required("scheduledFor", scheduledFor) && scheduledFor.isBefore(today)) {
            checks.add("scheduledFor", "is in the past");
        }
        checks.throwIfAny();
        return new Valid(valid, scheduledFor);
    }
}
