package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

/** One line of the case's history, as case workers read it. */
public record TimelineEntry(Instant at, String what, String detail) {
}
