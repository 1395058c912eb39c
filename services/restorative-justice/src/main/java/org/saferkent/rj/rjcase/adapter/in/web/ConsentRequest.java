package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;

import org.saferkent.rj.web.FieldChecks;

/** A participant's written, informed consent and the date it was given. */
record ConsentRequest(Boolean written, Boolean informed, LocalDate recordedOn) {

    ConsentRequest validate(LocalDate today) {
        FieldChecks checks = new FieldChecks();
        if (checks.required("written", written) && !written) {
            checks.add("written", "must be true: consent to restorative justice is given in writing");
        }
        if (checks.required("informed", informed) && !informed) {
            checks.add("informed", "must be true: consent to restorative justice is informed");
        }
        checks.pastDate("recordedOn", recordedOn, today);
        checks.throwIfAny();
        return this;
    }
}
