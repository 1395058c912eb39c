package org.saferkent.partnership.agreement.domain;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.EventType;

/** A year's Community Safety Agreement was drafted (or refreshed from the previous year's: refreshedFrom names it, else null). Codes only. */
@EventType("partnership.AgreementDrafted.v1")
public record AgreementDrafted(String agreementId, int year, List<String> priorities, List<String> themes, String refreshedFrom, Instant draftedAt) {
}
