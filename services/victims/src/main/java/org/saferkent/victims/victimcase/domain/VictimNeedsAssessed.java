package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.util.Map;

import org.saferkent.platform.events.EventType;

/**
 * The victim's needs were assessed in the eight categories (level per category code); a later one is a
 * re-assessment. No personal data.
 */
@EventType("victims.VictimNeedsAssessed.v1")
public record VictimNeedsAssessed(String caseId, String referralId, String district, Map<String, String> needs,
        boolean reassessment, Instant assessedAt) {
}
