package org.saferkent.partnership.asbreview.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

/** The review carried out, and its recommendations (none is an answer too). */
record OutcomeRequest(LocalDate completedOn, List<String> recommendations) {
}
