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
 * A referral as its own agency reads it: facts about that referral only. Personal details are not part of
 * it (see the claim check), and neither is anything drawn from other referrals of the person: no link to
 * another agency's referral, no link reason, no MARAC reason from the person's history (repeat,
 * escalation). Those are for the safeguarding scope ({@link SafeguardingView}). The triage shows the
 * agency's own assessment: its risk level, and MARAC only where its own DASH answers make the risk high.
 */
public record ReferralView(String id, String agency, String agencyReference, String district, String csp,
        String category, List<String> flags, String asbType, String subjectRole, String subjectPseudonym, String ageBand,
        String crimeReference, LocalDate incidentDate, List<String> requestedPathways, String consentBasis, Triage triage,
        String status, List<PathwayState> pathways, List<ReferralClock> clocks, Instant receivedAt) {

    /** The one MARAC reason an agency's own referral gives: its own (DASH) risk is high. */
    static final String OWN_MARAC_REASON = "high_risk";
    /** Timeline steps that tell of another agency's referral. */
    private static final String LINKED_STEP = "linked";
    private static final String TRIAGED_STEP = "triaged";

    static ReferralView of(Referral r) {
        return new ReferralView(r.id(), r.agency(), r.agencyReference(), r.district().code(), r.district().csp(),
                r.category(), r.flags(), r.asbType(), r.subject().role().code(), r.subject().pseudonym(), r.subject().ageBand(),
                r.crimeReference(), r.incidentDate(), r.requestedPathways(),
                r.consent().given() ? "consent" : "override:" + r.consent().overrideBasis(), ownTriage(r.triage()),
                r.status().name().toLowerCase(Locale.ROOT), r.pathways(), r.clocks(), r.receivedAt());
    }

    /** The referral's history as its agency reads it: without the link, and its triage as {@link #ownTriage}. */
    static List<TimelineEntry> timelineOf(Referral r) {
        Triage own = ownTriage(r.triage());
        return r.timeline().stream().filter(entry -> !LINKED_STEP.equals(entry.what()))
                .map(entry -> TRIAGED_STEP.equals(entry.what()) && own != null
                        ? new TimelineEntry(entry.at(), entry.what(), "risk " + own.riskLevel() + (own.marac() ? ", MARAC" : ""))
                        : entry)
                .toList();
    }

    /** The triage as the agency's own referral gives it: MARAC only for its own high risk, never from the person's history. */
    static Triage ownTriage(Triage triage) {
        if (triage == null) {
            return null;
        }
        List<String> own = triage.maracReasons() == null ? List.of()
                : triage.maracReasons().stream().filter(OWN_MARAC_REASON::equals).toList();
        return new Triage(triage.riskLevel(), triage.dashYesAnswers(), triage.raisedByProfessionalJudgement(), !own.isEmpty(), own);
    }
}
