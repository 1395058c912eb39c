package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/**
 * A support plan was agreed with the victim (how many actions, its review date; the actions' text
 * stays in the case). No personal data.
 */
@EventType("victims.VictimSupportPlanAgreed.v1")
public record VictimSupportPlanAgreed(String caseId, String referralId, String district, int actionCount, LocalDate reviewOn,
        int revision, Instant agreedAt) {
}
