package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.domain.Codes;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.saferkent.victims.victimcase.domain.VictimDuty;

/** A victim case as case workers read it: codes in kebab case, no personal data, and its version. */
record VictimCaseView(
        String id,
        String referralId,
        List<String> linkedReferrals,
        String district,
        String category,
        String pathway,
        List<String> pathways,
        String status,
        boolean enhanced,
        List<String> enhancedReasons,
        String riskLevel,
        boolean marac,
        boolean detailsPending,
        Instant firstContactDueAt,
        Instant nextDueAt,
        List<DutyView> duties,
        List<ContactView> contacts,
        List<AssessmentView> needsAssessments,
        PlanView supportPlan,
        List<ProviderView> providerReferrals,
        Instant rjInformationOfferedAt,
        Instant rjOptedInAt,
        List<OutcomeView> outcomes,
        ClosureView closure,
        Instant openedAt,
        long version) {

    /**
     * {@code state}: open, met, breached, or stopped (the case closed while it was open); {@code overdue}: its time
     * has passed and its work is still to do (an open case only), whether or not the miss is recorded yet.
     */
    record DutyView(String name, Instant dueAt, String state, Instant metAt, Instant breachedAt, boolean overdue) {
    }

    record ContactView(Instant attemptedAt, String channel, String outcome, Instant recordedAt) {
    }

    record AssessmentView(Instant assessedAt, boolean reassessment, Map<String, String> needs) {
    }

    record PlanView(List<String> actions, LocalDate reviewOn, int revision, Instant agreedAt) {
    }

    record ProviderView(String provider, String service, Instant referredAt) {
    }

    record OutcomeView(Map<String, String> needs, boolean copeAndRecover, String outcome, Instant recordedAt) {
    }

    record ClosureView(String reason, String outcome, Instant closedAt) {
    }

    /** The case as it is {@code now} (which of its time limits are overdue). */
    static VictimCaseView of(Loaded<VictimCase> loaded, Instant now) {
        VictimCase c = loaded.state();
        return new VictimCaseView(c.id(), c.referralId(), c.linkedReferrals(), c.district(), c.category(), c.pathway(),
                c.pathways(), c.status().name(), c.enhanced(), c.enhancedReasons(), c.profile().riskLevel(),
                c.profile().marac(), c.detailsPending(), c.dueAt(VictimDuty.FIRST_CONTACT), c.nextDueAt(),
                c.duties().stream().map(d -> new DutyView(d.name(), d.dueAt(), state(c, d), d.metAt(), d.breachedAt(),
                        c.overdue(d, now))).toList(),
                c.contacts().stream().map(a -> new ContactView(a.attemptedAt(), Codes.of(a.channel()), Codes.of(a.outcome()),
                        a.recordedAt())).toList(),
                c.needsAssessments().stream().map(a -> new AssessmentView(a.assessedAt(), a.reassessment(), a.byCode())).toList(),
                c.supportPlan() == null ? null : new PlanView(c.supportPlan().actions(), c.supportPlan().reviewOn(),
                        c.supportPlan().revision(), c.supportPlan().agreedAt()),
                c.providerReferrals().stream().map(p -> new ProviderView(p.provider(), p.service(), p.referredAt())).toList(),
                c.rjInformationOfferedAt(), c.rjOptedInAt(),
                c.outcomes().stream().map(o -> new OutcomeView(o.byCode(), o.copeAndRecover(), o.summary(), o.recordedAt())).toList(),
                c.closure() == null ? null : new ClosureView(Codes.of(c.closure().reason()), c.closure().outcome(),
                        c.closure().closedAt()),
                c.openedAt(), loaded.version());
    }

    private static String state(VictimCase c, VictimDuty duty) {
        if (duty.metAt() != null) {
            return "met";
        }
        if (duty.breachedAt() != null) {
            return "breached";
        }
        return c.isOpen() ? "open" : "stopped";
    }
}
