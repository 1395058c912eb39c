package org.saferkent.commissioning.contract.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.saferkent.platform.events.EventType;

/** The contract ends early: {@code endDate} is its last day. */
@EventType("commissioning.ContractEnded.v1")
public record ContractEnded(String contractId, LocalDate endDate, String reason, Instant endedAt) {
}
