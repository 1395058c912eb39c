package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.saferkent.platform.service.RequestProblems;

/** Whether a review is held; {@code reason} (a short code) when not. */
record DecisionRequest(
        @NotNull(message = "is required") Boolean holdReview,
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate decidedOn,
        String reason) {

    /** The reason is wanted only when no review is held. */
    void validate(RequestProblems problems) {
        if (Boolean.FALSE.equals(holdReview)) {
            if (reason == null || reason.isBlank()) {
                problems.add("reason", "is required");
            } else if (!reason.matches("[a-z0-9-]{1,50}")) {
                problems.add("reason", "must be a short code (lowercase letters, digits and hyphens), e.g. criteria-not-met");
            }
        }
    }
}
