package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * The victim case was closed, with its reason and outcome (cope-and-recover, not-improved or null). No
 * personal data.
 */
@EventType("victims.VictimCaseClosed.v1")
public record VictimCaseClosed(String caseId, String referralId, String district, String pathway, String reason,
        String outcome, Instant closedAt) {
}
