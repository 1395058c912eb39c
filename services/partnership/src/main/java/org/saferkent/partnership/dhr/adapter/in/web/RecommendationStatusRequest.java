package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;

/** A recommendation's progress: {@code open}, {@code in-progress} or {@code done} (with {@code doneOn}). */
record RecommendationStatusRequest(@NotBlank(message = "is required") String status, LocalDate doneOn) {
}
