package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.util.Map;

import org.saferkent.platform.events.EventType;

/**
 * The outcome of support: per assessed need (improved, sustained, not-improved) and whether the victim
 * was helped to cope and recover. No personal data.
 */
@EventType("victims.VictimOutcomeRecorded.v1")
public record VictimOutcomeRecorded(String caseId, String referralId, String district, String pathway, Map<String, String> needs,
        boolean copeAndRecover, Instant recordedAt) {
}
