package org.saferkent.rj.rjcase.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.saferkent.rj.rjcase.domain.Participant;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.saferkent.rj.rjcase.domain.RjOutcome;
import org.saferkent.rj.rjcase.domain.TimelineEntry;
import org.saferkent.rj.vocabulary.Codes;

/**
 * A case as case workers read it: codes rather than constants, and what the rules make of it.
 * {@code referralPending}: a victim's opt-in opened it and its referral's flags are not known yet, so direct
 * contact needs a manager's approval; {@code managerApproval.riskLevel}: the risk it was given under (a
 * re-assessment above it withdraws it, as the timeline says).
 */
record RjCaseView(
        String id,
        String source,
        String sourceId,
        String referralId,
        String victimCaseId,
        String district,
        String category,
        List<String> flags,
        boolean sensitive,
        List<String> sensitivities,
        boolean referralPending,
        boolean managerApprovalRequired,
        String status,
        List<ParticipantView> participants,
        RiskView riskAssessment,
        ApprovalView managerApproval,
        String facilitator,
        ConferenceView conference,
        OutcomeView outcome,
        ClosureView closure,
        List<TimelineEntry> timeline,
        Instant openedAt) {

    record ParticipantView(String id, String role, String pseudonym, Integer age, String status, LocalDate consentRecordedOn,
            LocalDate withdrawnOn) {
    }

    record RiskView(String level, String assessedBy, String notes, Instant assessedAt) {
    }

    record ApprovalView(String approvedBy, Instant approvedAt, String riskLevel) {
    }

    record ConferenceView(String type, boolean directContact, LocalDate scheduledFor, LocalDate heldOn) {
    }

    record OutcomeView(boolean restorative, List<String> acpoNotMet, boolean offenderTakesResponsibility,
            boolean victimOrAffectedPartyInvolved, boolean structuredProcess, boolean reparation, String result,
            boolean apology, String reparationType, Integer reparationHours, String otherTerms, Integer victimSatisfaction,
            Boolean wouldRecommend, Instant recordedAt) {
    }

    record ClosureView(String reason, String detail, Instant closedAt) {
    }

    static RjCaseView of(RjCase c) {
        return new RjCaseView(c.id(), c.source(), c.sourceId(), c.referralId(), c.victimCaseId(), c.district(), c.category(),
                c.flags(), c.sensitive(), c.sensitivities(), c.referralPending(), c.managerApprovalRequired(), c.status().name(),
                c.participants().stream().map(RjCaseView::participant).toList(),
                c.riskAssessment() == null ? null : new RiskView(Codes.of(c.riskAssessment().level()),
                        c.riskAssessment().assessedBy(), c.riskAssessment().notes(), c.riskAssessment().assessedAt()),
                c.managerApproval() == null ? null
                        : new ApprovalView(c.managerApproval().approvedBy(), c.managerApproval().approvedAt(),
                                Codes.of(c.managerApproval().riskLevel())),
                c.facilitator(),
                c.conference() == null ? null : new ConferenceView(Codes.of(c.conference().type()),
                        c.conference().type().directContact(), c.conference().scheduledFor(), c.conference().heldOn()),
                c.outcome() == null ? null : outcome(c.outcome()),
                c.closure() == null ? null
                        : new ClosureView(Codes.of(c.closure().reason()), c.closure().detail(), c.closure().closedAt()),
                c.timeline(), c.openedAt());
    }

    private static ParticipantView participant(Participant p) {
        String status = p.withdrawn() ? "withdrawn" : p.consenting() ? "consented" : "invited";
        return new ParticipantView(p.id(), Codes.of(p.role()), p.pseudonym(), p.age(), status,
                p.consent() == null ? null : p.consent().recordedOn(), p.withdrawnOn());
    }

    private static OutcomeView outcome(RjOutcome o) {
        return new OutcomeView(o.restorative(), o.acpoNotMet(), Boolean.TRUE.equals(o.acpo().offenderTakesResponsibility()),
                Boolean.TRUE.equals(o.acpo().victimOrAffectedPartyInvolved()), Boolean.TRUE.equals(o.acpo().structuredProcess()),
                Boolean.TRUE.equals(o.acpo().reparation()), Codes.of(o.result()), o.agreement().apology(),
                o.agreement().reparationType(), o.agreement().reparationHours(), o.agreement().otherTerms(),
                o.victimSatisfaction(), o.wouldRecommend(), o.recordedAt());
    }
}
