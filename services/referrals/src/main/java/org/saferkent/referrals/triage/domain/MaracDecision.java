package org.saferkent.referrals.triage.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether an incident goes to a MARAC, and why.
 *
 * @param refer                       {@code true} exactly when there is at least one reason
 * @param reasons                     every reason that applies, in {@link MaracReason} order
 * @param incidentsInEscalationWindow incidents counted for escalation, the screened incident included
 */
public record MaracDecision(boolean refer, Set<MaracReason> reasons, int incidentsInEscalationWindow) {

    public MaracDecision {
        reasons = reasons == null || reasons.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(reasons));
        if (refer == reasons.isEmpty()) {
            throw new IllegalArgumentException("a MARAC decision refers exactly when it has a reason");
        }
    }

    public static MaracDecision of(Set<MaracReason> reasons, int incidentsInEscalationWindow) {
        return new MaracDecision(!reasons.isEmpty(), reasons, incidentsInEscalationWindow);
    }
}
