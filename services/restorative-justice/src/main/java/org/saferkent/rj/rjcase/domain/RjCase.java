package org.saferkent.rj.rjcase.domain;

import java.time.Instant;

/** A restorative justice case. Participants are known by pseudonym only. */
public record RjCase(String id, String source, String sourceId, String district, String category, RjCaseStatus status,
        Instant openedAt) {

    /** One source (a routed referral, later an opt-in or a YOS referral) opens at most one case. */
    public static String idFor(String source, String sourceId) {
        return "rj-" + source + "-" + sourceId;
    }

    public static RjCase fromReferral(String referralId, String district, String category, Instant now) {
        return new RjCase(idFor("referral", referralId), "referral", referralId, district, category, RjCaseStatus.OPEN, now);
    }

    public RjCaseOpened opened() {
        return new RjCaseOpened(id, source, "referral".equals(source) ? sourceId : null, district, category, openedAt);
    }
}
