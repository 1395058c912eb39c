package org.saferkent.rj.rjcase.adapter.in.messaging;

import org.saferkent.platform.events.InvalidEventException;

/** What restorative-justice needs from {@code referrals.ReferralRouted.v1}. */
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
