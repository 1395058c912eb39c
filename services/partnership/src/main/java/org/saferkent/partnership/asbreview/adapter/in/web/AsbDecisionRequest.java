package org.saferkent.partnership.asbreview.adapter.in.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import java.time.LocalDate;

/** Whether a case review is carried out (always, when the threshold is met). */
record AsbDecisionRequest(
        @NotNull(message = "is required") Boolean reviewToBeHeld,
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate decidedOn) {
}
