package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

/** Why and when the case closed, and its outcome ({@code cope-and-recover}, {@code not-improved} or none). */
public record Closure(ClosureReason reason, String outcome, Instant closedAt) {
}
