package org.saferkent.partnership.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.platform.events.EventType;

/** The statutory partners agreed the year's priorities and cross-cutting themes. Who agreed is kept in the service, never published. */
@EventType("partnership.AgreementAgreed.v1")
public record AgreementAgreed(String agreementId, int year, List<String> priorities, List<String> themes, LocalDate agreedOn, Instant agreedAt) {
}
