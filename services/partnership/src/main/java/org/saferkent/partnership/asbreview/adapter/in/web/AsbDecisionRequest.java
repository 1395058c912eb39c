package org.saferkent.partnership.asbreview.adapter.in.web;

import java.time.LocalDate;

/** Whether a case review is carried out (always, when the threshold is met). */
record AsbDecisionRequest(Boolean reviewToBeHeld, LocalDate decidedOn) {
}
