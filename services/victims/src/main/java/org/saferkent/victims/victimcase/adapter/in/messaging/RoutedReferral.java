package org.saferkent.victims.victimcase.adapter.in.messaging;

import java.time.Instant;
import java.util.List;

import org.saferkent.platform.events.InvalidEventException;
import org.saferkent.victims.victimcase.domain.VictimProfile;

/**
 * What victims needs from {@code referrals.ReferralRouted.v1}: its own tolerant reading, not the producer's
 * class. {@code routedAt} is when the service was given the referral: its Victims' Code clocks start there.
 */
public record RoutedReferral(String referralId, String district, String category, List<String> flags, String pathway,
        String riskLevel, Boolean marac, String subjectRole, String subjectPseudonym, String ageBand,
        List<String> vulnerabilities, Instant routedAt) {

    public RoutedReferral {
        if (referralId == null || referralId.isBlank()) {
            throw new InvalidEventException("missing field 'referralId'");
        }
        if (pathway == null || pathway.isBlank()) {
            throw new InvalidEventException("missing field 'pathway'");
        }
        if (district == null || district.isBlank()) {
            throw new InvalidEventException("missing field 'district'");
        }
    }

    public VictimProfile profile() {
        return new VictimProfile(flags, ageBand, vulnerabilities, riskLevel, Boolean.TRUE.equals(marac), subjectRole,
                subjectPseudonym);
    }
}
