package org.saferkent.referrals.inbox.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.saferkent.referrals.inbox.domain.Inbox;
import org.saferkent.referrals.referral.domain.PathwayState;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralClock;

/**
 * A referral as the team it was routed to reads it in its inbox: what the pathway's event tells a case service
 * (district, category, flags, risk, the subject's role, age band and vulnerabilities), the referral's state on the
 * team's own pathways only, and the triage clock its answer meets. No personal details, no pseudonym, nothing of
 * the referral's other pathways or of other referrals of the person.
 */
public record InboxItemView(String referralId, String referringAgency, String district, String csp, String category,
        List<String> flags, String asbType, String subjectRole, String ageBand, List<String> vulnerabilities, String riskLevel,
        boolean marac, String referralStatus, List<PathwayState> pathways, ReferralClock triageClock, Instant receivedAt) {

    static InboxItemView of(Referral r, Inbox inbox) {
        ReferralClock triage = r.clocks() == null ? null : r.clocks().stream()
                .filter(c -> ReferralClock.TRIAGE.equals(c.name())).findFirst().orElse(null);
        return new InboxItemView(r.id(), r.agency(), r.district().code(), r.district().csp(), r.category(), r.flags(),
                r.asbType(), r.subject().role().code(), r.subject().ageBand(), r.subject().vulnerabilities(),
                r.triage() == null ? null : r.triage().riskLevel(), r.triage() != null && r.triage().marac(),
                r.status().name().toLowerCase(Locale.ROOT), inbox.ownedPathways(r), triage, r.receivedAt());
    }
}
