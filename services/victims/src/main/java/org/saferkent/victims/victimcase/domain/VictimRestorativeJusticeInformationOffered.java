package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * Information about restorative justice was offered to the victim, within the Victims' Code time limit
 * or not. No personal data.
 */
@EventType("victims.VictimRestorativeJusticeInformationOffered.v1")
public record VictimRestorativeJusticeInformationOffered(String caseId, String referralId, String district, boolean withinTimeLimit,
        Instant offeredAt) {
}
