package org.saferkent.partnership.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.platform.events.EventType;

/** An action was added to the county action plan. Codes and dates only: the title stays in the service. */
@EventType("partnership.ActionPlanned.v1")
public record ActionPlanned(String agreementId, int year, String actionId, String priority, String leadAgency, LocalDate dueOn, String status, List<String> measures, Instant plannedAt) {
}
