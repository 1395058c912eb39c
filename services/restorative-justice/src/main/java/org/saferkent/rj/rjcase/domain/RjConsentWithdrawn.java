package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/**
 * A participant withdrew; their part in the case has ended. {@code caseContinues} is false when the
 * case can no longer be restorative (an {@code RjCaseClosed} with reason consent-withdrawn follows).
 */
@EventType("rj.RjConsentWithdrawn.v1")
public record RjConsentWithdrawn(String caseId, String referralId, String district, String participantId, String role,
        String participantPseudonym, LocalDate withdrawnOn, boolean caseContinues, Instant withdrawnAt) {
}
