package org.saferkent.victims.victimcase.domain;

import java.time.Instant;

/** A victim's case under the Victims' Code, opened from a referral routed to victim services. */
public record VictimCase(String id, String referralId, String district, String category, String pathway,
        VictimCaseStatus status, Instant openedAt) {

    /** One referral opens at most one case, whatever the redeliveries: the case id derives from it. */
    public static String idFor(String referralId) {
        return "vc-" + referralId;
    }

    public static VictimCase open(String referralId, String district, String category, String pathway, Instant now) {
        return new VictimCase(idFor(referralId), referralId, district, category, pathway, VictimCaseStatus.OPEN, now);
    }

    public VictimCaseOpened opened() {
        return new VictimCaseOpened(id, referralId, district, category, pathway, openedAt);
    }
}
