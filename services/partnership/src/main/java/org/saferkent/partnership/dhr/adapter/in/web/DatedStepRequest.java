package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** A step that happened on a date: the review's completion, its submission to the Home Office, its publication. */
record DatedStepRequest(@NotNull(message = "is required") LocalDate on) {
}
