package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * The intervention's outcome: the four ACPO standards (restorative only if all hold), the agreement
 * and whether it was completed, the victim's satisfaction. The agreement's other terms stay in the case.
 */
@EventType("rj.RjOutcomeRecorded.v1")
public record RjOutcomeRecorded(String caseId, String referralId, String district, String category, String type,
        boolean restorative, boolean offenderTakesResponsibility, boolean victimOrAffectedPartyInvolved,
        boolean structuredProcess, boolean reparation, String result, boolean apology, String reparationType,
        Integer reparationHours, Integer victimSatisfaction, Boolean victimSatisfied, Boolean wouldRecommend,
        Instant recordedAt) {
}
