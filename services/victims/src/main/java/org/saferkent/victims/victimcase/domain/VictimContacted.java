package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/**
 * The victims service tried to contact the victim; {@code firstContact} when this is the first contact
 * made, {@code withinTimeLimit} then says whether it met the Victims' Code time limit. No personal
 * data.
 */
@EventType("victims.VictimContacted.v1")
public record VictimContacted(String caseId, String referralId, String district, String channel, String outcome,
        Instant attemptedAt, boolean firstContact, Boolean withinTimeLimit, Instant recordedAt) {
}
