package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * The case closed. {@code reason} (and {@code outcome}, the same code, for consumers that read the
 * outcome) is completed, failed, consent-withdrawn or other; only completed counts as a completed
 * restorative intervention.
 *
 * @param detail a short code qualifying the reason, e.g. {@code not-restorative}
 */
@EventType("rj.RjCaseClosed.v1")
public record RjCaseClosed(String caseId, String referralId, String source, String district, String reason,
        String outcome, String detail, boolean restorative, Instant closedAt) {
}
