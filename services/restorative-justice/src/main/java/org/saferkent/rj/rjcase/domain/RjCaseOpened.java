package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** A restorative justice case was opened. No personal data. */
@EventType("rj.RjCaseOpened.v1")
public record RjCaseOpened(String caseId, String source, String referralId, String district, String category,
        Instant openedAt) {
}
