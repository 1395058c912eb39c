package org.saferkent.partnership.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** An action passed its due date undone; reported once (also an SLA breach on ops.events). */
@EventType("partnership.ActionOverdue.v1")
public record ActionOverdue(String agreementId, int year, String actionId, String leadAgency, LocalDate dueOn, String status, Instant detectedAt) {
}
