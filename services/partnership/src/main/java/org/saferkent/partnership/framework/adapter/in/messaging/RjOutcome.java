package org.saferkent.partnership.framework.adapter.in.messaging;

import java.time.Instant;

/** What the framework reads of {@code rj.RjOutcomeRecorded.v1}: the victim's satisfaction (null when they gave none). */
public record RjOutcome(String caseId, String district, Boolean victimSatisfied, Instant recordedAt) {
}
