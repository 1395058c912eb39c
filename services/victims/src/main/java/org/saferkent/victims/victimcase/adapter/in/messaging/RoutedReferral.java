package org.saferkent.victims.victimcase.adapter.in.messaging;

import org.saferkent.platform.events.InvalidEventException;

/** What victims needs from {@code referrals.ReferralRouted.v1}: its own tolerant reading, not the producer's class. */
public record RoutedReferral(String referralId, String district, String category, String pathway) {

    public RoutedReferral {
        if (referralId == null || referralId.isBlank()) {
            throw new InvalidEventException("missing field 'referralId'");
        }
        if (pathway == null || pathway.isBlank()) {
            throw new InvalidEventException("missing field 'pathway'");
        }
    }
}
