package org.saferkent.victims.victimcase.domain;

import java.util.List;

/**
 * What the referral tells victims services about the victim, without personal data: the flags, age
 * band and vulnerabilities the Victims' Code entitlement is decided on, the referral's risk and the
 * subject's keyed pseudonym.
 */
public record VictimProfile(List<String> flags, String ageBand, List<String> vulnerabilities, String riskLevel,
        boolean marac, String subjectRole, String subjectPseudonym) {

    public VictimProfile {
        flags = flags == null ? List.of() : List.copyOf(flags);
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
    }
}
