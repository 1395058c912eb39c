package org.saferkent.victims.victimcase.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.saferkent.platform.workingdays.WorkingDayCalendar;

/**
 * A victim's case under the Victims' Code, opened from a referral routed to victim services: who
 * it is for (pseudonymously), the entitlement, the time limits running, and the work done —
 * contacts, needs assessments, support plan, onward referrals, restorative justice, outcomes,
 * closure. Holds no personal data: the victim's details are kept apart ({@link VictimDetails}).
 *
 * <p>Every decision returns the new state with the events it produced ({@link Change}); work on a
 * closed case is refused ({@link CaseClosedException}), input the rules do not allow too
 * ({@link RuleViolation}). Work also records any time limit that had passed unmet by then.
 */
public record VictimCase(
        String id,
        String referralId,
        String district,
        String category,
        String pathway,
        List<String> pathways,
        List<String> linkedReferrals,
        VictimProfile profile,
        VictimCaseStatus status,
        boolean enhanced,
        List<String> enhancedReasons,
        boolean detailsPending,
        List<VictimDuty> duties,
        Instant nextDueAt,
        Instant outstandingDueAt,
        List<ContactAttempt> contacts,
        List<NeedsAssessment> needsAssessments,
        SupportPlan supportPlan,
        List<ProviderReferral> providerReferrals,
        Instant rjInformationOfferedAt,
        Instant rjOptedInAt,
        List<OutcomeRecord> outcomes,
        Closure closure,
        List<TimelineEntry> timeline,
        Instant openedAt) {

    public VictimCase {
        pathways = listOf(pathways);
        linkedReferrals = listOf(linkedReferrals);
        profile = profile != null ? profile : new VictimProfile(null, null, null, null, false, null, null);
        enhancedReasons = listOf(enhancedReasons);
        duties = listOf(duties);
        contacts = listOf(contacts);
        needsAssessments = listOf(needsAssessments);
        providerReferrals = listOf(providerReferrals);
        outcomes = listOf(outcomes);
        timeline = listOf(timeline);
        // derived, and stored so that the caseworker's queue can be read in this order from an index
        outstandingDueAt = status == VictimCaseStatus.OPEN
                ? outstandingDuty(duties, contacts, rjInformationOfferedAt).map(VictimDuty::dueAt).orElse(null) : null;
    }

    /** One referral opens at most one case, whatever the redeliveries: the case id derives from it. */
    public static String idFor(String referralId) {
        return "vc-" + referralId;
    }

    /** Opens the case for a referral routed {@code now}. */
    public static Change open(String referralId, String district, String category, String pathway, VictimProfile profile,
            EntitlementRules rules, VictimCodeTimeLimits limits, Instant now) {
        return open(referralId, district, category, pathway, profile, rules, limits, now, now);
    }

    /**
     * Opens the case: the entitlement is decided and the Victims' Code time limits run from the referral's
     * routing to the service ({@code routedAt}), however late the case is opened; a routing time after
     * {@code now} (another machine's clock ahead) counts as now. The victim's details are still to be
     * fetched from referrals.
     */
    public static Change open(String referralId, String district, String category, String pathway, VictimProfile profile,
            EntitlementRules rules, VictimCodeTimeLimits limits, Instant routedAt, Instant now) {
        Entitlement entitlement = rules.decide(category, profile);
        Instant clocksFrom = routedAt == null || routedAt.isAfter(now) ? now : routedAt;
        List<VictimDuty> duties = limits.dutiesFrom(clocksFrom, entitlement.enhanced());
        String id = idFor(referralId);
        TimelineEntry opened = new TimelineEntry(now, "opened", pathway + " referral " + referralId + ", "
                + (entitlement.enhanced() ? "enhanced entitlement: " + String.join(", ", entitlement.reasons())
                        : "standard entitlement"));
        VictimCase victimCase = new VictimCase(id, referralId, district, category, pathway, List.of(pathway), List.of(),
                profile, VictimCaseStatus.OPEN, entitlement.enhanced(), entitlement.reasons(), true, duties,
                nextDue(duties), null, List.of(), List.of(), null, List.of(), null, null, List.of(), null, List.of(opened), now);
        return Change.to(victimCase, List.of(new VictimCaseOpened(id, referralId, district, category, pathway, now,
                entitlement.enhanced(), entitlement.reasons(), victimCase.dueAt(VictimDuty.FIRST_CONTACT),
                victimCase.dueAt(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION))));
    }

    // ------------------------------------------------------------------ reading

    public boolean isOpen() {
        return status == VictimCaseStatus.OPEN;
    }

    /**
     * The Victims' Code time limit a case worker has to act on next: the earliest one whose work is still to
     * do, whether it is running or already missed (a missed one stays breached, but until the work is done
     * late it is still to do). Empty once the case is closed or every duty's work is done.
     */
    public Optional<VictimDuty> outstandingDuty() {
        return isOpen() ? outstandingDuty(duties, contacts, rjInformationOfferedAt) : Optional.empty();
    }

    /** Whether the case's outstanding time limit has passed by {@code now} (due at {@code dueAt}: that instant is late). */
    public boolean overdue(Instant now) {
        return outstandingDueAt != null && !now.isBefore(outstandingDueAt);
    }

    /** Whether {@code duty}'s time has passed by {@code now} with its work still to do, on an open case. */
    public boolean overdue(VictimDuty duty, Instant now) {
        return isOpen() && duty.metAt() == null && !workDone(duty.name(), contacts, rjInformationOfferedAt)
                && !now.isBefore(duty.dueAt());
    }

    private static Optional<VictimDuty> outstandingDuty(List<VictimDuty> duties, List<ContactAttempt> contacts,
            Instant rjInformationOfferedAt) {
        return duties.stream()
                .filter(duty -> duty.metAt() == null && !workDone(duty.name(), contacts, rjInformationOfferedAt))
                .min(Comparator.comparing(VictimDuty::dueAt));
    }

    /** The duty's work done at all (in time or late). */
    private static boolean workDone(String duty, List<ContactAttempt> contacts, Instant rjInformationOfferedAt) {
        return switch (duty) {
            case VictimDuty.FIRST_CONTACT -> contacts.stream().anyMatch(ContactAttempt::made);
            case VictimDuty.RESTORATIVE_JUSTICE_INFORMATION -> rjInformationOfferedAt != null;
            default -> false;
        };
    }

    public Optional<VictimDuty> duty(String name) {
        return duties.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** When the named duty is due, or null when the case has no such duty. */
    public Instant dueAt(String name) {
        return duty(name).map(VictimDuty::dueAt).orElse(null);
    }

    public boolean contactMade() {
        return contacts.stream().anyMatch(ContactAttempt::made);
    }

    public Optional<NeedsAssessment> latestAssessment() {
        return needsAssessments.isEmpty() ? Optional.empty() : Optional.of(needsAssessments.get(needsAssessments.size() - 1));
    }

    public Optional<OutcomeRecord> latestOutcome() {
        return outcomes.isEmpty() ? Optional.empty() : Optional.of(outcomes.get(outcomes.size() - 1));
    }

    // ------------------------------------------------------------------ from referrals

    /** Another pathway of the same referral (victim support and domestic abuse): still one case. */
    public Change addPathway(String otherPathway, Instant now) {
        if (pathways.contains(otherPathway)) {
            return Change.none(this);
        }
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.pathways.add(otherPathway);
        next.note(now, "routed", otherPathway + " (same referral, same case)");
        return Change.to(next.build(), List.of());
    }

    /** A duplicate referral (same victim, same incident, another agency) joins this case. */
    public Change joinReferral(String linkedReferralId, Instant now) {
        if (linkedReferralId.equals(referralId) || linkedReferrals.contains(linkedReferralId)) {
            return Change.none(this);
        }
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.linkedReferrals.add(linkedReferralId);
        next.note(now, "referral linked", "duplicate referral " + linkedReferralId);
        return Change.to(next.build(), List.of());
    }

    /** The victim's details arrived from referrals (they are stored apart). */
    public Change detailsReceived(Instant now) {
        return detailsSettled(now, "personal details received");
    }

    /** Referrals holds no details for the referral: nothing to wait for. */
    public Change detailsNotHeld(Instant now) {
        return detailsSettled(now, "no personal details held by referrals");
    }

    private Change detailsSettled(Instant now, String what) {
        if (!detailsPending) {
            return Change.none(this);
        }
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.detailsPending = false;
        next.note(now, what, null);
        return Change.to(next.build(), List.of());
    }

    // ------------------------------------------------------------------ work on the case

    /** A contact attempt; the first one MADE meets the first-contact duty if made before it was due. */
    public Change recordContact(Instant attemptedAt, ContactChannel channel, ContactOutcome outcome, Instant now) {
        requireOpen();
        if (attemptedAt.isAfter(now)) {
            throw RuleViolation.of("attemptedAt", "is in the future");
        }
        if (attemptedAt.isBefore(openedAt)) {
            throw RuleViolation.of("attemptedAt", "is before the case was opened");
        }
        VictimCaseDraft next = new VictimCaseDraft(this);
        boolean first = outcome == ContactOutcome.MADE && !contactMade();
        Instant due = dueAt(VictimDuty.FIRST_CONTACT);
        Boolean withinTimeLimit = first && due != null ? attemptedAt.isBefore(due) : null;
        if (first) {
            next.done(VictimDuty.FIRST_CONTACT, attemptedAt, now);
        }
        next.contacts.add(new ContactAttempt(attemptedAt, channel, outcome, now));
        next.note(now, first ? "first contact made" : "contact attempted", Codes.of(channel) + ": " + Codes.of(outcome));
        return next.finish(now, new VictimContacted(id, referralId, district, Codes.of(channel), Codes.of(outcome),
                attemptedAt, first, withinTimeLimit, now));
    }

    /** Needs in all eight categories; a later assessment is a re-assessment, the earlier ones are kept. */
    public Change assessNeeds(Map<NeedCategory, NeedLevel> levels, Instant now) {
        requireOpen();
        List<RuleViolation.Problem> missing = NeedsAssessment.missingCategories(levels);
        if (!missing.isEmpty()) {
            throw new RuleViolation(missing);
        }
        boolean reassessment = !needsAssessments.isEmpty();
        NeedsAssessment assessment = new NeedsAssessment(now, reassessment, levels);
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.needsAssessments.add(assessment);
        next.note(now, reassessment ? "needs re-assessed" : "needs assessed",
                assessment.needs().size() + " of " + NeedCategory.values().length + " categories in need");
        return next.finish(now, new VictimNeedsAssessed(id, referralId, district, assessment.byCode(), reassessment, now));
    }

    /** The plan agreed with the victim; a new plan replaces the last one. */
    public Change agreeSupportPlan(List<String> actions, LocalDate reviewOn, Instant now) {
        requireOpen();
        List<RuleViolation.Problem> problems = new ArrayList<>();
        if (actions == null || actions.isEmpty() || actions.stream().anyMatch(a -> a == null || a.isBlank())) {
            problems.add(new RuleViolation.Problem("actions", "must hold at least one action, none blank"));
        }
        if (reviewOn == null) {
            problems.add(new RuleViolation.Problem("reviewOn", "is required"));
        } else if (reviewOn.isBefore(LocalDate.ofInstant(now, WorkingDayCalendar.LONDON))) {
            problems.add(new RuleViolation.Problem("reviewOn", "is in the past"));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        int revision = supportPlan == null ? 1 : supportPlan.revision() + 1;
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.supportPlan = new SupportPlan(actions, reviewOn, revision, now);
        next.note(now, revision == 1 ? "support plan agreed" : "support plan revised",
                actions.size() + " action(s), review on " + reviewOn);
        return next.finish(now, new VictimSupportPlanAgreed(id, referralId, district, actions.size(), reviewOn, revision, now));
    }

    /** Information about restorative justice was offered: meets that duty if in time. Offered once. */
    public Change offerRestorativeJusticeInformation(Instant now) {
        requireOpen();
        if (rjInformationOfferedAt != null) {
            return Change.none(this);
        }
        Instant due = dueAt(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION);
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.rjInformationOfferedAt = now;
        next.done(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION, now, now);
        next.note(now, "restorative justice information offered", null);
        return next.finish(now, new VictimRestorativeJusticeInformationOffered(id, referralId, district,
                due == null || now.isBefore(due), now));
    }

    public Change referToProvider(String provider, String service, Instant now) {
        requireOpen();
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.providerReferrals.add(new ProviderReferral(provider, service, now));
        next.note(now, "referred to provider", provider + ": " + service);
        return next.finish(now, new VictimReferredToProvider(id, referralId, district, provider, service, now));
    }

    /**
     * The victim wants restorative justice: restorative-justice takes it from the event. Opting in
     * shows the information was given, so that duty is met too. A second opt-in changes nothing.
     */
    public Change optIntoRestorativeJustice(Instant now) {
        requireOpen();
        if (rjOptedInAt != null) {
            return Change.none(this);
        }
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.rjOptedInAt = now;
        if (next.rjInformationOfferedAt == null) {
            next.rjInformationOfferedAt = now;
        }
        next.done(VictimDuty.RESTORATIVE_JUSTICE_INFORMATION, now, now);
        next.note(now, "opted into restorative justice", null);
        return next.finish(now, new VictimOptedIntoRestorativeJustice(id, referralId, district, category,
                profile.subjectPseudonym(), now));
    }

    /** Outcomes for exactly the needs the latest assessment found, and whether the victim copes and recovers. */
    public Change recordOutcome(Map<NeedCategory, NeedOutcome> needOutcomes, boolean copeAndRecover, Instant now) {
        requireOpen();
        NeedsAssessment latest = latestAssessment().orElseThrow(() -> RuleViolation.of("needs",
                "cannot be recorded before the victim's needs are assessed"));
        List<NeedCategory> assessed = latest.needs();
        List<RuleViolation.Problem> problems = new ArrayList<>();
        for (NeedCategory category : NeedCategory.values()) {
            boolean given = needOutcomes.containsKey(category);
            if (given && !assessed.contains(category)) {
                problems.add(new RuleViolation.Problem("needs." + Codes.of(category),
                        "was not assessed as a need: outcomes are recorded for assessed needs only"));
            } else if (!given && assessed.contains(category)) {
                problems.add(new RuleViolation.Problem("needs." + Codes.of(category),
                        "is required: assessed as a need (" + Codes.listOf(NeedOutcome.class) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        OutcomeRecord outcome = new OutcomeRecord(needOutcomes, copeAndRecover, now);
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.outcomes.add(outcome);
        next.note(now, "outcome recorded", outcome.summary());
        return next.finish(now, new VictimOutcomeRecorded(id, referralId, district, pathway, outcome.byCode(),
                copeAndRecover, now));
    }

    /**
     * Closes the case. Completed needs the outcome recorded; unable-to-contact cannot follow a contact
     * made; a victim may decline support at any time. Time limits stop running.
     */
    public Change close(ClosureReason reason, Instant now) {
        requireOpen();
        if (reason == ClosureReason.COMPLETED && outcomes.isEmpty()) {
            throw RuleViolation.of("reason", "completed needs the outcome of support recorded first");
        }
        if (reason == ClosureReason.UNABLE_TO_CONTACT && contactMade()) {
            throw RuleViolation.of("reason", "unable-to-contact does not fit: contact was made with this victim");
        }
        VictimCaseDraft next = new VictimCaseDraft(this);
        String outcome = latestOutcome().map(OutcomeRecord::summary).orElse(null);
        next.status = VictimCaseStatus.CLOSED;
        next.closure = new Closure(reason, outcome, now);
        next.note(now, "closed", Codes.of(reason) + (outcome != null ? ", " + outcome : ""));
        return next.finish(now, new VictimCaseClosed(id, referralId, district, pathway, Codes.of(reason), outcome, now));
    }

    /** Records every time limit that has passed unmet (due at {@code dueAt}: that instant is already late). */
    public Change breachOverdueDuties(Instant now) {
        if (!isOpen()) {
            return Change.none(this);
        }
        VictimCaseDraft next = new VictimCaseDraft(this);
        next.breachOverdue(now);
        return next.events.isEmpty() ? Change.none(this) : Change.to(next.build(), next.events);
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new CaseClosedException(id);
        }
    }

    /** The earliest open deadline: what the deadline scanner looks for. */
    static Instant nextDue(List<VictimDuty> duties) {
        return duties.stream().filter(VictimDuty::isOpen).map(VictimDuty::dueAt).min(Comparator.naturalOrder()).orElse(null);
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
