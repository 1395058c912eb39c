package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;

import org.saferkent.rj.web.FieldChecks;

record ConferenceHeldRequest(LocalDate heldOn) {

    LocalDate validate(LocalDate today) {
        FieldChecks checks = new FieldChecks();
        checks.pastDate("heldOn", heldOn, today);
        checks.throwIfAny();
        return heldOn;
    }
}
