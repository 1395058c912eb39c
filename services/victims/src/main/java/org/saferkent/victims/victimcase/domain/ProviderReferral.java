package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

/** The victim was referred on to a (commissioned) provider's service. */
public record ProviderReferral(String provider, String service, Instant referredAt) {
}
