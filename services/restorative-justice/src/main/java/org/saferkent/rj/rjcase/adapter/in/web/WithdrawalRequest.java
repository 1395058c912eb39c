package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.LocalDate;

import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;

import org.saferkent.platform.service.RequestProblems;

/** A participant withdraws consent; the date defaults to today. */
record WithdrawalRequest(@PastOrPresent(message = "is in the future") LocalDate withdrawnOn) {

    LocalDate validate(Validator validator, LocalDate today) {
        RequestProblems.of(validator, this).throwIfAny();
        return withdrawnOn == null ? today : withdrawnOn;
    }
}
