package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

/** The facilitator's risk assessment; the latest one stands. Notes stay in the case, never on the bus. */
public record RiskAssessment(RiskLevel level, String assessedBy, String notes, Instant assessedAt) {
}
