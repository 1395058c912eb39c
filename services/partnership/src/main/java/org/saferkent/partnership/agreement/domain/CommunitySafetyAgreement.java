package org.saferkent.partnership.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.saferkent.partnership.vocabulary.KentDate;

/**
 * A year's Kent Community Safety Agreement: the priorities and cross-cutting themes the statutory partners agree,
 * and the county action plan that delivers them. Drafted, agreed once (who and when), and refreshed each year into the
 * next year's agreement (a new one; this one is kept as it is). Actions can be planned and move on at any time.
 *
 * @param agreedBy the person (or client) whose token recorded the agreement; kept here, never published
 */
public record CommunitySafetyAgreement(
        String id,
        int year,
        AgreementStatus status,
        List<Priority> priorities,
        List<String> themes,
        String refreshedFrom,
        String agreedBy,
        String agreedByAgency,
        LocalDate agreedOn,
        Instant agreedAt,
        List<PlanAction> actions,
        Instant draftedAt,
        Instant nextDueAt) {

    public static final int MAX_ACTIONS = 200;

    public CommunitySafetyAgreement {
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        themes = themes == null ? List.of() : List.copyOf(themes);
        actions = actions == null ? List.of() : List.copyOf(actions);
        // derived: when the earliest action not done and not yet reported overdue passes its due date (the scan's index)
        nextDueAt = actions.stream().filter(a -> a.status() != ActionStatus.DONE && !a.breached()).map(PlanAction::dueOn)
                .min(LocalDate::compareTo).map(KentDate::endOf).orElse(null);
    }

    public static String idOf(int year) {
        return "csa-" + year;
    }

    /** A new year's draft. Priority codes must be distinct. */
    public static AgreementChange draft(int year, List<Priority> priorities, List<String> themes, Instant now) {
        return draft(year, priorities, themes, null, List.of(), now);
    }

    private static AgreementChange draft(int year, List<Priority> priorities, List<String> themes, String refreshedFrom,
            List<PlanAction> carried, Instant now) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < priorities.size(); i++) {
            if (!codes.add(priorities.get(i).code())) {
                throw AgreementRuleViolation.invalid("priority-repeated", "priorities[" + i + "].code", "is named twice");
            }
        }
        if (priorities.isEmpty()) {
            throw AgreementRuleViolation.invalid("priorities-required", "priorities", "must name at least one priority");
        }
        List<String> distinctThemes = themes.stream().distinct().toList();
        CommunitySafetyAgreement agreement = new CommunitySafetyAgreement(idOf(year), year, AgreementStatus.DRAFT, priorities,
                distinctThemes, refreshedFrom, null, null, null, null, carried, now, null);
        List<Object> events = new ArrayList<>();
        events.add(new AgreementDrafted(agreement.id, year, agreement.priorityCodes(), distinctThemes, refreshedFrom, now));
        for (PlanAction action : carried) {
            events.add(planned(agreement, action, now));
        }
        return new AgreementChange(agreement, events);
    }

    /** Agreed by the statutory partners, once: who (from the token) and on which date. */
    public AgreementChange agree(String by, String byAgency, LocalDate on, LocalDate today, Instant now) {
        if (status == AgreementStatus.AGREED) {
            throw AgreementRuleViolation.conflict("agreed-already", "agreedOn", "the agreement was agreed already");
        }
        if (on.isAfter(today)) {
            throw AgreementRuleViolation.invalid("date-in-future", "agreedOn", "must not be in the future");
        }
        CommunitySafetyAgreement agreed = new CommunitySafetyAgreement(id, year, AgreementStatus.AGREED, priorities, themes,
                refreshedFrom, by, byAgency, on, now, actions, draftedAt, null);
        return new AgreementChange(agreed, List.of(new AgreementAgreed(id, year, priorityCodes(), themes, on, now)));
    }

    /**
     * The next year's agreement, refreshed from this one (which must be agreed, and stays as it is): the given priorities
     * and themes, or this year's when none are given; the actions not done carry over with their status.
     */
    public AgreementChange refresh(List<Priority> newPriorities, List<String> newThemes, Instant now) {
        if (status != AgreementStatus.AGREED) {
            throw AgreementRuleViolation.conflict("not-agreed", "year", "only an agreed agreement is refreshed");
        }
        List<Priority> nextPriorities = newPriorities == null || newPriorities.isEmpty() ? priorities : newPriorities;
        Set<String> kept = new HashSet<>();
        nextPriorities.forEach(p -> kept.add(p.code()));
        List<PlanAction> carried = actions.stream()
                .filter(a -> a.status() != ActionStatus.DONE && kept.contains(a.priority()))
                .map(a -> new PlanAction(a.id(), a.title(), a.priority(), a.leadAgency(), a.dueOn(), a.status(), a.measures(),
                        null, a.breached()))
                .toList();
        return draft(year + 1, nextPriorities, newThemes == null || newThemes.isEmpty() ? themes : newThemes, id, carried, now);
    }

    /** An action for one of this agreement's priorities. */
    public AgreementChange plan(String actionId, String title, String priority, String leadAgency, LocalDate dueOn,
            List<String> measures, Instant now) {
        if (!priorityCodes().contains(priority)) {
            throw AgreementRuleViolation.invalid("unknown-priority", "priority", "is not one of the agreement's priorities");
        }
        if (actions.size() >= MAX_ACTIONS) {
            throw AgreementRuleViolation.conflict("plan-full", "$", "the plan has " + MAX_ACTIONS + " actions already");
        }
        PlanAction action = new PlanAction(actionId, title, priority, leadAgency, dueOn, ActionStatus.PLANNED,
                measures.stream().distinct().toList(), null, false);
        List<PlanAction> next = new ArrayList<>(actions);
        next.add(action);
        return new AgreementChange(withActions(next), List.of(planned(this, action, now)));
    }

    /** An action moves on; {@code done} needs the date it was done (not in the future). Unchanged status: no event. */
    public AgreementChange changeStatus(String actionId, ActionStatus newStatus, LocalDate doneOn, LocalDate today, Instant now) {
        PlanAction action = action(actionId);
        if (newStatus == ActionStatus.DONE) {
            if (doneOn == null) {
                throw AgreementRuleViolation.invalid("done-date-required", "doneOn", "is required when the action is done");
            }
            if (doneOn.isAfter(today)) {
                throw AgreementRuleViolation.invalid("date-in-future", "doneOn", "must not be in the future");
            }
        }
        if (action.status() == newStatus) {
            return new AgreementChange(this, List.of());
        }
        PlanAction moved = action.with(newStatus, newStatus == ActionStatus.DONE ? doneOn : null);
        return new AgreementChange(replace(moved), List.of(new ActionStatusChanged(id, year, actionId, newStatus.code(),
                action.status().code(), moved.doneOn(), now)));
    }

    /** The actions overdue on {@code today} (their due date passed in Kent) not reported yet, each reported once. */
    public AgreementChange reportOverdue(LocalDate today, Instant now) {
        List<Object> events = new ArrayList<>();
        List<PlanAction> next = new ArrayList<>();
        for (PlanAction action : actions) {
            if (!action.breached() && action.overdueOn(today)) {
                events.add(new ActionOverdue(id, year, action.id(), action.leadAgency(), action.dueOn(), action.status().code(), now));
                next.add(action.reported());
            } else {
                next.add(action);
            }
        }
        return new AgreementChange(events.isEmpty() ? this : withActions(next), events);
    }

    public List<String> priorityCodes() {
        return priorities.stream().map(Priority::code).toList();
    }

    public PlanAction action(String actionId) {
        return actions.stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new ActionNotFoundException(actionId));
    }

    private CommunitySafetyAgreement replace(PlanAction changed) {
        return withActions(actions.stream().map(a -> a.id().equals(changed.id()) ? changed : a).toList());
    }

    private CommunitySafetyAgreement withActions(List<PlanAction> next) {
        return new CommunitySafetyAgreement(id, year, status, priorities, themes, refreshedFrom, agreedBy, agreedByAgency,
                agreedOn, agreedAt, next, draftedAt, null);
    }

    private static ActionPlanned planned(CommunitySafetyAgreement agreement, PlanAction action, Instant now) {
        return new ActionPlanned(agreement.id, agreement.year, action.id(), action.priority(), action.leadAgency(),
                action.dueOn(), action.status().code(), action.measures(), now);
    }
}
