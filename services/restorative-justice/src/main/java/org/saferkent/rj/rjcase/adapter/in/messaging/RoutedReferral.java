package org.saferkent.rj.rjcase.adapter.in.messaging;

import java.util.List;

import org.saferkent.platform.events.InvalidEventException;

/** What restorative-justice needs from {@code referrals.ReferralRouted.v1}. */
public record RoutedReferral(String referralId, String district, String category, List<String> flags, String pathway,
        String subjectRole, String subjectPseudonym) {

    public RoutedReferral {
        if (referralId == null || referralId.isBlank()) {
            throw new InvalidEventException("missing field 'referralId'");
        }
        if (pathway == null || pathway.isBlank()) {
            throw new InvalidEventException("missing field 'pathway'");
        }
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
