package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A victim case was opened for a referral. No personal data. */
@EventType("victims.VictimCaseOpened.v1")
public record VictimCaseOpened(String caseId, String referralId, String district, String category, String pathway,
        Instant openedAt) {
}
