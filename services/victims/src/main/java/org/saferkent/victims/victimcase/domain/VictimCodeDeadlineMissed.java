package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * A Victims' Code time limit on the case passed without the duty being done ({@code duty}: first-
 * contact or restorative-justice-information). No personal data.
 */
@EventType("victims.VictimCodeDeadlineMissed.v1")
public record VictimCodeDeadlineMissed(String caseId, String referralId, String district, String duty, boolean enhanced,
        Instant dueAt, Instant missedAt) {
}
