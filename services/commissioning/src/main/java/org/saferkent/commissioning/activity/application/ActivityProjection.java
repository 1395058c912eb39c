package org.saferkent.commissioning.activity.application;

import java.time.Instant;
import java.time.LocalDate;

import org.bson.Document;
import org.saferkent.commissioning.activity.adapter.in.messaging.AnsweredReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.ClosedReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.FirstTimeEntrant;
import org.saferkent.commissioning.activity.adapter.in.messaging.LinkedReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.MissedDeadline;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjCaseOpening;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjClosure;
import org.saferkent.commissioning.activity.adapter.in.messaging.RjOutcome;
import org.saferkent.commissioning.activity.adapter.in.messaging.RoutedReferral;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimCaseOpening;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimClosure;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimContact;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimNeedsAssessment;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimSupportPlan;
import org.saferkent.commissioning.activity.adapter.in.messaging.VictimOutcome;
import org.saferkent.commissioning.activity.adapter.in.messaging.WithdrawnBreach;
import org.saferkent.platform.workingdays.Quarter;
import org.saferkent.commissioning.vocabulary.KentTime;
import org.saferkent.commissioning.vocabulary.Pathways;

/**
 * Turns the partnership's events into facts: one document per referral × pathway, duplicate, victim
 * case, restorative justice case and first-time entrant's disposal. Every change is a set of fields
 * keyed by the event or the aggregate, so the facts come out the same whatever the order of events
 * from different topics, and an event applied twice changes nothing. Nothing personal is kept: no
 * pseudonym, no name, only codes, days and counts. A day is the day in Kent of the event's own time
 * (its payload's, else its envelope's).
 */
public class ActivityProjection {

    /** The envelope facts a change needs: the event's id (for idempotence) and time (a fallback day). */
    public record EventRef(String id, Instant time) {
    }

    private final FactSink sink;
    private final String rjPathway;

    public ActivityProjection(FactSink sink, String rjPathway) {
        this.sink = sink;
        this.rjPathway = rjPathway;
    }

    // ---------------------------------------------------------------- referrals

    public void referralRouted(EventRef event, RoutedReferral routed) {
        sink.apply(event.id(), referralPathway(routed.referralId(), routed.pathway(), routed.district())
                .set("routed", true).day("routedOn", day(routed.routedAt(), event)));
    }

    /**
     * Accepted on a pathway. A partner team's acceptance (youth prevention, substance misuse, an ASB case, troubled
     * families: answered in its inbox, with no case service of its own to announce the case) is also its case opened,
     * as a victims or restorative justice case opening is for theirs.
     */
    public void referralAccepted(EventRef event, AnsweredReferral accepted) {
        FactChange change = referralPathway(accepted.referralId(), accepted.pathway(), accepted.district())
                .set("accepted", true).day("acceptedOn", day(accepted.acceptedAt(), event));
        if (Pathways.PARTNER_TEAMS.contains(accepted.pathway()) && accepted.caseId() != null) {
            change = change.set("caseId", accepted.caseId()).set("caseOpened", true);
        }
        sink.apply(event.id(), change);
    }

    public void referralDeclined(EventRef event, AnsweredReferral declined) {
        sink.apply(event.id(), referralPathway(declined.referralId(), declined.pathway(), declined.district())
                .set("declined", true).day("declinedOn", day(declined.declinedAt(), event)));
    }

    /** The case opened on the pathway was closed, with its outcome (every pathway: a victim case closes each it serves). */
    public void referralClosed(EventRef event, ClosedReferral closed) {
        sink.apply(event.id(), referralPathway(closed.referralId(), closed.pathway(), closed.district())
                .set("closed", true).set("closeOutcome", closed.outcome()).day("closedOn", day(closed.closedAt(), event)));
    }

    /** A duplicate: counted once as a duplicate of {@code linkedTo}, never as a referral of its own. */
    public void referralLinked(EventRef event, LinkedReferral linked) {
        sink.apply(event.id(), FactChange.of(FactKind.LINK, linked.referralId())
                .set("referralId", linked.referralId()).set("linkedTo", linked.linkedTo()).set("district", linked.district())
                .day("linkedOn", day(linked.linkedAt(), event)));
    }

    // ---------------------------------------------------------------- victims

    public void victimCaseOpened(EventRef event, VictimCaseOpening opened) {
        sink.apply(event.id(), caseOpenedOnPathway(opened.caseId(), opened.referralId(), opened.district(), opened.pathway()));
        sink.apply(event.id(), victimCase(opened.caseId(), opened.district())
                .set("referralId", opened.referralId()).set("pathway", opened.pathway())
                .set("enhanced", opened.enhanced())
                .day("openedOn", day(opened.openedAt(), event))
                .day("firstContactDueOn", KentTime.dueDay(opened.firstContactDueAt())));
    }

    /** Only the first contact made counts: whether it met the Victims' Code time limit. */
    public void victimContacted(EventRef event, VictimContact contact) {
        if (!Boolean.TRUE.equals(contact.firstContact())) {
            return;
        }
        Instant madeAt = contact.attemptedAt() != null ? contact.attemptedAt() : contact.recordedAt();
        sink.apply(event.id(), victimCase(contact.caseId(), contact.district())
                .day("firstContactMadeOn", day(madeAt, event))
                .set("firstContactWithinTimeLimit", contact.withinTimeLimit()));
    }

    public void victimDeadlineMissed(EventRef event, MissedDeadline missed) {
        sink.apply(event.id(), victimCase(missed.caseId(), missed.district())
                .day("missed." + FactChange.pathKey(missed.duty()), dueOn(missed.dueAt(), missed.missedAt(), event)));
    }

    /**
     * The duty was done in time after all (recorded after the scan announced it missed): it counts as met. Kept
     * beside the miss, not in its place, so the fact is the same whichever of the two is applied first.
     */
    public void victimDeadlineBreachWithdrawn(EventRef event, WithdrawnBreach withdrawn) {
        sink.apply(event.id(), victimCase(withdrawn.caseId(), withdrawn.district())
                .day("withdrawn." + FactChange.pathKey(withdrawn.duty()), dueOn(withdrawn.dueAt(), withdrawn.metAt(), event)));
    }

    /** The day a duty was due (its deadline's last day); without a deadline, the day of {@code otherwise}. */
    private static LocalDate dueOn(Instant dueAt, Instant otherwise, EventRef event) {
        return dueAt != null ? KentTime.dueDay(dueAt) : day(otherwise, event);
    }

    /** Kept per event: the latest (by its time) is the case's outcome, whatever order they arrive in. */
    public void victimOutcomeRecorded(EventRef event, VictimOutcome outcome) {
        Instant at = outcome.recordedAt() != null ? outcome.recordedAt() : event.time();
        LocalDate day = KentTime.date(at);
        long met = outcome.needs().values().stream().filter(v -> "improved".equals(v) || "sustained".equals(v)).count();
        Document recorded = new Document("recordedAt", at.toEpochMilli()).append("recordedOn", day.toString())
                .append("needsAssessed", (long) outcome.needs().size()).append("needsMet", met)
                .append("copeAndRecover", Boolean.TRUE.equals(outcome.copeAndRecover()));
        sink.apply(event.id(), victimCase(outcome.caseId(), outcome.district())
                .set("outcomes." + FactChange.pathKey(event.id()), recorded).quarter(day));
    }

    /** Kept per event: the first assessment (by its day) is when support could first be delivered, whatever order they arrive in. */
    public void victimNeedsAssessed(EventRef event, VictimNeedsAssessment assessed) {
        sink.apply(event.id(), victimCase(assessed.caseId(), assessed.district())
                .day("needsAssessedOn." + FactChange.pathKey(event.id()), day(assessed.assessedAt(), event)));
    }

    /** Kept per event, as assessments are. */
    public void victimSupportPlanAgreed(EventRef event, VictimSupportPlan plan) {
        sink.apply(event.id(), victimCase(plan.caseId(), plan.district())
                .day("supportPlanAgreedOn." + FactChange.pathKey(event.id()), day(plan.agreedAt(), event)));
    }

    /** Why and when: a victim who declined support, or could not be contacted, is reported beside those supported. */
    public void victimCaseClosed(EventRef event, VictimClosure closed) {
        sink.apply(event.id(), victimCase(closed.caseId(), closed.district())
                .set("closeReason", closed.reason()).day("closedOn", day(closed.closedAt(), event)));
    }

    // ---------------------------------------------------------------- restorative justice

    public void rjCaseOpened(EventRef event, RjCaseOpening opened) {
        sink.apply(event.id(), caseOpenedOnPathway(opened.caseId(), opened.referralId(), opened.district(), rjPathway));
        sink.apply(event.id(), rjCase(opened.caseId(), opened.district())
                .set("referralId", opened.referralId()).set("source", opened.source())
                .day("openedOn", day(opened.openedAt(), event)));
    }

    public void rjOutcomeRecorded(EventRef event, RjOutcome outcome) {
        Instant at = outcome.recordedAt() != null ? outcome.recordedAt() : event.time();
        LocalDate day = KentTime.date(at);
        Document recorded = new Document("recordedAt", at.toEpochMilli()).append("recordedOn", day.toString())
                .append("victimSatisfaction", outcome.victimSatisfaction()).append("wouldRecommend", outcome.wouldRecommend());
        sink.apply(event.id(), rjCase(outcome.caseId(), outcome.district())
                .set("outcomes." + FactChange.pathKey(event.id()), recorded).quarter(day));
    }

    public void rjCaseClosed(EventRef event, RjClosure closed) {
        sink.apply(event.id(), rjCase(closed.caseId(), closed.district())
                .set("closeReason", closed.closeReason()).day("closedOn", day(closed.closedAt(), event)));
    }

    /** A disposal that supersedes an earlier one takes its place: the earlier one no longer counts. */
    public void firstTimeEntrantRecorded(EventRef event, FirstTimeEntrant entrant) {
        LocalDate disposalOn = entrant.disposalDate();
        if (disposalOn == null) {
            disposalOn = Quarter.parse(entrant.quarter()).map(Quarter::firstDay).orElse(day(entrant.recordedAt(), event));
        }
        sink.apply(event.id(), FactChange.of(FactKind.FIRST_TIME_ENTRANT, entrant.disposalId())
                .set("disposalId", entrant.disposalId()).set("district", entrant.district())
                .set("ageAtDisposal", entrant.ageAtDisposal()).day("disposalOn", disposalOn));
        String superseded = entrant.supersedesDisposalId();
        if (superseded != null && !superseded.isBlank() && !superseded.equals(entrant.disposalId())) {
            sink.apply(event.id(), FactChange.of(FactKind.FIRST_TIME_ENTRANT, superseded)
                    .set("disposalId", superseded).set("superseded", true));
        }
    }

    // ---------------------------------------------------------------- shapes

    private static FactChange referralPathway(String referralId, String pathway, String district) {
        return FactChange.of(FactKind.REFERRAL, referralId + ":" + pathway)
                .set("referralId", referralId).set("district", district).set("pathway", pathway);
    }

    /** The per-pathway count of cases opened (a case without a referral is its own row). */
    private static FactChange caseOpenedOnPathway(String caseId, String referralId, String district, String pathway) {
        String key = referralId != null ? referralId + ":" + pathway : "case:" + caseId;
        return FactChange.of(FactKind.REFERRAL, key)
                .set("district", district).set("pathway", pathway).set("caseId", caseId).set("caseOpened", true);
    }

    private static FactChange victimCase(String caseId, String district) {
        FactChange change = FactChange.of(FactKind.VICTIM_CASE, caseId).set("caseId", caseId);
        return district == null ? change : change.set("district", district);
    }

    private static FactChange rjCase(String caseId, String district) {
        FactChange change = FactChange.of(FactKind.RJ_CASE, caseId).set("caseId", caseId);
        return district == null ? change : change.set("district", district);
    }

    private static LocalDate day(Instant at, EventRef event) {
        return KentTime.date(at != null ? at : event.time());
    }
}
