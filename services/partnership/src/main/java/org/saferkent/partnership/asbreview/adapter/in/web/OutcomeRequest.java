package org.saferkent.partnership.asbreview.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The review carried out, and its recommendations (none is an answer too). */
record OutcomeRequest(
        @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") LocalDate completedOn,
        @Size(max = AsbCaseReviewController.MAX_RECOMMENDATIONS, message = "must be at most {max}")
        List<@NotBlank(message = "is required") @Size(max = 500, message = "must be at most {max} characters") String> recommendations) {
}
