package org.saferkent.referrals.referral.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.saferkent.referrals.referral.domain.PathwayState;
import org.saferkent.referrals.referral.domain.Referral;
import org.saferkent.referrals.referral.domain.ReferralClock;
import org.saferkent.referrals.referral.domain.TimelineEntry;
import org.saferkent.referrals.referral.domain.Triage;

/**
 * A referral as the safeguarding scope ({@code referrals.safeguarding.read}: victim services, MARAC
 * coordinators) reads it: everything the agency's own view has, plus what is drawn from the person's other
 * referrals — the referral it was linked to as a duplicate and why, the MARAC reasons from the person's
 * history, and the whole timeline. Still no personal details (the claim check serves those).
 */
public record SafeguardingView(String id, String agency, String agencyReference, String district, String csp,
        String category, List<String> flags, String asbType, String subjectRole, String subjectPseudonym, String ageBand,
        String crimeReference, LocalDate incidentDate, List<String> requestedPathways, String consentBasis, Triage triage,
        String linkedTo, String linkReason, String status, List<PathwayState> pathways, List<ReferralClock> clocks,
        List<TimelineEntry> timeline, Instant receivedAt) {

    static SafeguardingView of(Referral r) {
        return new SafeguardingView(r.id(), r.agency(), r.agencyReference(), r.district().code(), r.district().csp(),
                r.category(), r.flags(), r.asbType(), r.subject().role().code(), r.subject().pseudonym(), r.subject().ageBand(),
                r.crimeReference(), r.incidentDate(), r.requestedPathways(),
                r.consent().given() ? "consent" : "override:" + r.consent().overrideBasis(), r.triage(), r.linkedTo(),
                r.linkReason(), r.status().name().toLowerCase(Locale.ROOT), r.pathways(), r.clocks(), r.timeline(), r.receivedAt());
    }
}
