package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;

/** A recommendation's progress: {@code open}, {@code in-progress} or {@code done} (with {@code doneOn}). */
record RecommendationStatusRequest(String status, LocalDate doneOn) {
}
