package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

/** @param detail a short code qualifying the reason, e.g. {@code not-restorative}; never free text about people */
public record Closure(ClosureReason reason, String detail, Instant closedAt) {
}
