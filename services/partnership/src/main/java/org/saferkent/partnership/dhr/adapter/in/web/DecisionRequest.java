package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;

import org.saferkent.partnership.web.FieldChecks;

/** Whether a review is held; {@code reason} (a short code) when not. */
record DecisionRequest(Boolean holdReview, LocalDate decidedOn, String reason) {

    void validate(FieldChecks checks, LocalDate today) {
        checks.required("holdReview", holdReview);
        checks.pastDate("decidedOn", decidedOn, today);
        if (Boolean.FALSE.equals(holdReview)) {
            if (checks.required("reason", reason) && !reason.matches("[a-z0-9-]{1,50}")) {
                checks.add("reason", "must be a short code (lowercase letters, digits and hyphens), e.g. criteria-not-met");
            }
        }
    }
}
