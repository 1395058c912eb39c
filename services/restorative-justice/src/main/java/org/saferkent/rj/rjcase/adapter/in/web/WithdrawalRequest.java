package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;

import org.saferkent.rj.web.FieldChecks;

/** A participant withdraws consent; the date defaults to today. */
record WithdrawalRequest(LocalDate withdrawnOn) {

    LocalDate validate(LocalDate today) {
        if (withdrawnOn == null) {
            return today;
        }
        FieldChecks checks = new FieldChecks();
        checks.pastDate("withdrawnOn", withdrawnOn, today);
        checks.throwIfAny();
        return withdrawnOn;
    }
}
