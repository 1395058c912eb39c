package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** The case's risk was assessed (again). No notes, no assessor: those stay in the case. */
@EventType("rj.RjRiskAssessed.v1")
public record RjRiskAssessed(String caseId, String referralId, String district, String level, boolean sensitive,
        boolean managerApprovalRequired, Instant assessedAt) {
}
