package org.saferkent.rj.youthjustice.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/**
 * A young person aged 10–17 received their first youth caution or court sentence. When an earlier
 * disposal is reported late, the entry moves to it: {@code supersedesDisposalId} names the disposal
 * that no longer counts (for that person, count only the latest of these events).
 */
@EventType("rj.FirstTimeEntrantRecorded.v1")
public record FirstTimeEntrantRecorded(String personPseudonym, String disposalId, String district, String quarter,
        String disposalType, LocalDate disposalDate, int ageAtDisposal, String supersedesDisposalId, Instant recordedAt) {
}
