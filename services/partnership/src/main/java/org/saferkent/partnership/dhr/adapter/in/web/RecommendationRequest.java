package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.saferkent.partnership.web.AgencyCode;

/** A recommendation of the review, as an action: what, who owns it, by when. */
record RecommendationRequest(
        @NotBlank(message = "is required") @Size(max = NotificationRequest.MAX_TEXT, message = "must be at most {max} characters")
        String summary,
        @NotBlank(message = "is required") @AgencyCode String ownerAgency,
        @NotNull(message = "is required") LocalDate dueOn) {
}
