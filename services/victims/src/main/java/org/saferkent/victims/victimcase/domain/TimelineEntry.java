package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

/** One step in a case's history, as case workers see it. Never personal data. */
public record TimelineEntry(Instant at, String what, String detail) {
}
