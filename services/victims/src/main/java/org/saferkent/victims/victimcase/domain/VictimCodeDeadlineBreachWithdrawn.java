package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * A {@link VictimCodeDeadlineMissed} withdrawn: the duty was done in time ({@code metAt}, before
 * {@code dueAt}) but recorded only after the deadline scan had announced it missed ({@code missedAt}).
 * No personal data.
 */
@EventType("victims.VictimCodeDeadlineBreachWithdrawn.v1")
public record VictimCodeDeadlineBreachWithdrawn(String caseId, String referralId, String district, String duty,
        boolean enhanced, Instant dueAt, Instant metAt, Instant missedAt, Instant withdrawnAt) {
}
