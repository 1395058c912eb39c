package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The case being changed by one decision, and the events the decision produced so far. */
final class VictimCaseDraft {

    private final VictimCase from;
    final List<String> pathways;
    final List<String> linkedReferrals;
    VictimCaseStatus status;
    boolean detailsPending;
    final List<VictimDuty> duties;
    final List<ContactAttempt> contacts;
    final List<NeedsAssessment> needsAssessments;
    SupportPlan supportPlan;
    final List<ProviderReferral> providerReferrals;
    Instant rjInformationOfferedAt;
    Instant rjOptedInAt;
    final List<OutcomeRecord> outcomes;
    Closure closure;
    final List<TimelineEntry> timeline;
    final List<Object> events = new ArrayList<>();

    VictimCaseDraft(VictimCase from) {
        this.from = from;
        pathways = new ArrayList<>(from.pathways());
        linkedReferrals = new ArrayList<>(from.linkedReferrals());
        status = from.status();
        detailsPending = from.detailsPending();
        duties = new ArrayList<>(from.duties());
        contacts = new ArrayList<>(from.contacts());
        needsAssessments = new ArrayList<>(from.needsAssessments());
        supportPlan = from.supportPlan();
        providerReferrals = new ArrayList<>(from.providerReferrals());
        rjInformationOfferedAt = from.rjInformationOfferedAt();
        rjOptedInAt = from.rjOptedInAt();
        outcomes = new ArrayList<>(from.outcomes());
        closure = from.closure();
        timeline = new ArrayList<>(from.timeline());
    }

    void note(Instant at, String what, String detail) {
        timeline.add(new TimelineEntry(at, what, detail));
    }

    /**
     * The duty done at {@code at}, which may be earlier than it is recorded ({@code now}): done in time, it
     * is met, and should the deadline scan have announced it missed meanwhile, that breach is withdrawn.
     */
    void done(String duty, Instant at, Instant now) {
        for (int i = 0; i < duties.size(); i++) {
            VictimDuty current = duties.get(i);
            if (!current.name().equals(duty)) {
                continue;
            }
            if (current.breachedAt() != null && at.isBefore(current.dueAt())) {
                duties.set(i, new VictimDuty(current.name(), current.dueAt(), at, null));
                events.add(new VictimCodeDeadlineBreachWithdrawn(from.id(), from.referralId(), from.district(), duty,
                        from.enhanced(), current.dueAt(), at, current.breachedAt(), now));
                note(now, "deadline breach withdrawn", duty + " was done " + at + ", before it was due " + current.dueAt());
            } else {
                duties.set(i, current.doneAt(at));
            }
        }
    }

    void breachOverdue(Instant now) {
        for (int i = 0; i < duties.size(); i++) {
            VictimDuty duty = duties.get(i);
            if (duty.isOverdue(now)) {
                duties.set(i, duty.breached(now));
                events.add(new VictimCodeDeadlineMissed(from.id(), from.referralId(), from.district(), duty.name(),
                        from.enhanced(), duty.dueAt(), now));
                note(now, "deadline missed", duty.name() + " was due " + duty.dueAt());
            }
        }
    }

    /** Records any time limit passed by now, then the decision's own event. */
    Change finish(Instant now, Object event) {
        breachOverdue(now);
        events.add(event);
        return Change.to(build(), events);
    }

    VictimCase build() {
        return new VictimCase(from.id(), from.referralId(), from.district(), from.category(), from.pathway(), pathways,
                linkedReferrals, from.profile(), status, from.enhanced(), from.enhancedReasons(), detailsPending, duties,
                status == VictimCaseStatus.OPEN ? VictimCase.nextDue(duties) : null, null, contacts, needsAssessments, supportPlan,
                providerReferrals, rjInformationOfferedAt, rjOptedInAt, outcomes, closure, timeline, from.openedAt());
    }
}
