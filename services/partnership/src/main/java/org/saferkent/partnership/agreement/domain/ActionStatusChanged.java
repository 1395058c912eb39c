package org.saferkent.partnership.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** An action's status changed (planned, on-track, at-risk, done). */
@EventType("partnership.ActionStatusChanged.v1")
public record ActionStatusChanged(String agreementId, int year, String actionId, String status, String previousStatus, LocalDate doneOn, Instant changedAt) {
}
