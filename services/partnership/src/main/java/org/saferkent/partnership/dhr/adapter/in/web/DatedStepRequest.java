package org.saferkent.partnership.dhr.adapter.in.web;

import java.time.LocalDate;

/** A step that happened on a date: the review's completion, its submission to the Home Office, its publication. */
record DatedStepRequest(LocalDate on) {
}
