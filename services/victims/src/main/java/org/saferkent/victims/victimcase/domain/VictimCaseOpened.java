package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.EventType;

/**
 * A victim case was opened for a referral routed to victim services, with the victim's Victims' Code
 * entitlement and first time limits. No personal data.
 */
@EventType("victims.VictimCaseOpened.v1")
public record VictimCaseOpened(String caseId, String referralId, String district, String category, String pathway,
        Instant openedAt, boolean enhanced, List<String> enhancedReasons, Instant firstContactDueAt,
        Instant restorativeJusticeInformationDueAt) {
}
