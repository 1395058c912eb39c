package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

import org.saferkent.platform.events.EventType;

/** The victim was referred on to a provider's service. No personal data. */
@EventType("victims.VictimReferredToProvider.v1")
public record VictimReferredToProvider(String caseId, String referralId, String district, String provider, String service,
        Instant referredAt) {
}
