package org.saferkent.partnership.dhr.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.saferkent.partnership.vocabulary.District;
import org.saferkent.partnership.vocabulary.KentDate;

/**
 * A Domestic Homicide Review, from the notification to the last recommendation done (Home Office, Multi-agency
 * Statutory Guidance for the Conduct of Domestic Homicide Reviews). Holds no personal detail: the victim's name and
 * the like are kept apart, sealed ({@code DhrPersonalDetails}); here only the district, agencies by code and dates.
 *
 * @param breached  the time limits already reported missed ({@code dhr-decision}, {@code dhr-review},
 *                  {@code dhr-recommendation:<id>}): each is reported once
 * @param nextDueAt when the earliest time limit still running and not yet reported passes; null when none runs
 *                  (what the deadline scan's index reads)
 */
public record DomesticHomicideReview(
        String id,
        String district,
        LocalDate notifiedOn,
        List<String> agenciesInvolved,
        DhrStatus status,
        LocalDate decisionDueOn,
        Decision decision,
        LocalDate reviewDueOn,
        Panel panel,
        LocalDate completedOn,
        LocalDate submittedOn,
        LocalDate publishedOn,
        List<Recommendation> recommendations,
        List<String> breached,
        Instant nextDueAt,
        Instant notifiedAt) {

    public DomesticHomicideReview {
        agenciesInvolved = agenciesInvolved == null ? List.of() : List.copyOf(agenciesInvolved);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        breached = breached == null ? List.of() : List.copyOf(breached);
    }

    /**
     * A notification. {@code today} is Kent's date now: a notification cannot be dated later. The decision's time limit
     * runs from the notification's date, so one recorded late may be overdue at once (the next scan reports it).
     */
    public static Change notify(String id, District district, LocalDate notifiedOn, List<String> agenciesInvolved,
            LocalDate today, Instant now) {
        Objects.requireNonNull(district, "district");
        if (notifiedOn.isAfter(today)) {
            throw RuleViolation.invalid("date-in-future", "notifiedOn", "must not be in the future");
        }
        List<String> agencies = agenciesInvolved.stream().distinct().toList();
        if (agencies.isEmpty()) {
            throw RuleViolation.invalid("agencies-required", "agenciesInvolved", "must name at least one agency involved");
        }
        LocalDate decisionDue = DhrClocks.decisionDue(notifiedOn);
        DomesticHomicideReview review = new DomesticHomicideReview(id, district.code(), notifiedOn, agencies, DhrStatus.NOTIFIED,
                decisionDue, null, null, null, null, null, null, List.of(), List.of(), null, now).withNextDue();
        return Change.to(review, List.of(new DhrNotified(id, district.code(), district.csp(), notifiedOn, agencies, decisionDue, now)));
    }

    /** The decision whether to hold a review; once only. Recorded after its time limit, it is also reported missed. */
    public Change decide(boolean holdReview, String reason, LocalDate decidedOn, LocalDate today, Instant now) {
        if (status != DhrStatus.NOTIFIED) {
            throw RuleViolation.outOfOrder("decision-recorded", "holdReview", "the decision was recorded already");
        }
        notBefore("decidedOn", decidedOn, notifiedOn, "the notification");
        notAfterToday("decidedOn", decidedOn, today);
        boolean inTime = !decidedOn.isAfter(decisionDueOn);
        LocalDate reviewDue = holdReview ? DhrClocks.reviewDue(decidedOn) : null;
        List<Object> events = new ArrayList<>();
        events.add(new DhrDecisionRecorded(id, district, holdReview, holdReview ? null : reason, decidedOn, inTime, reviewDue, now));
        List<String> missed = new ArrayList<>(breached);
        missedLate(DhrClocks.DECISION, DhrClocks.DECISION, null, decisionDueOn, inTime, now, missed, events);
        DomesticHomicideReview next = new DomesticHomicideReview(id, district, notifiedOn, agenciesInvolved,
                holdReview ? DhrStatus.UNDER_REVIEW : DhrStatus.NOT_HELD, decisionDueOn,
                new Decision(holdReview, decidedOn, holdReview ? null : reason), reviewDue, panel, completedOn, submittedOn,
                publishedOn, recommendations, missed, null, notifiedAt).withNextDue();
        return Change.to(next, events);
    }

    /**
     * The panel and its chair. The chair must be independent of every agency involved in the case (the guidance):
     * a chair from one of them is refused, naming {@code chair.agency}. May be convened again (a new chair).
     */
    public Change convenePanel(String chairName, String chairAgency, List<String> members, LocalDate convenedOn,
            LocalDate today, Instant now) {
        if (status != DhrStatus.UNDER_REVIEW) {
            throw RuleViolation.outOfOrder("no-review-under-way", "chair", "a panel is convened only for a review under way");
        }
        if (!chairIndependent(chairAgency)) {
            throw RuleViolation.invalid("chair-not-independent", "chair.agency",
                    "the chair must be independent of every agency involved in the case");
        }
        notBefore("convenedOn", convenedOn, decision.decidedOn(), "the decision");
        notAfterToday("convenedOn", convenedOn, today);
        List<String> panelAgencies = members.stream().distinct().toList();
        DomesticHomicideReview next = new DomesticHomicideReview(id, district, notifiedOn, agenciesInvolved, status, decisionDueOn,
                decision, reviewDueOn, new Panel(chairName, chairAgency, panelAgencies, convenedOn), completedOn, submittedOn,
                publishedOn, recommendations, breached, nextDueAt, notifiedAt);
        return Change.to(next, List.of(new DhrPanelConvened(id, district, chairAgency, panelAgencies, convenedOn, now)));
    }

    /** Whether a chair from {@code chairAgency} would be independent of the agencies involved. */
    public boolean chairIndependent(String chairAgency) {
        return chairAgency != null && !agenciesInvolved.contains(chairAgency);
    }

    /** The review completed (its overview report). Needs a panel. Completed after its time limit: reported missed too. */
    public Change complete(LocalDate completedOn, LocalDate today, Instant now) {
        if (status != DhrStatus.UNDER_REVIEW) {
            throw RuleViolation.outOfOrder("no-review-under-way", "completedOn", "only a review under way can be completed");
        }
        if (panel == null) {
            throw RuleViolation.outOfOrder("no-panel", "completedOn", "the panel and its chair must be convened first");
        }
        notBefore("completedOn", completedOn, panel.convenedOn(), "the panel");
        notAfterToday("completedOn", completedOn, today);
        boolean inTime = !completedOn.isAfter(reviewDueOn);
        List<Object> events = new ArrayList<>();
        events.add(new DhrReviewCompleted(id, district, completedOn, inTime, now));
        List<String> missed = new ArrayList<>(breached);
        missedLate(DhrClocks.REVIEW, DhrClocks.REVIEW, null, reviewDueOn, inTime, now, missed, events);
        DomesticHomicideReview next = new DomesticHomicideReview(id, district, notifiedOn, agenciesInvolved, DhrStatus.COMPLETED,
                decisionDueOn, decision, reviewDueOn, panel, completedOn, submittedOn, publishedOn, recommendations, missed, null,
                notifiedAt).withNextDue();
        return Change.to(next, events);
    }

    public Change submitToHomeOffice(LocalDate submittedOn, LocalDate today, Instant now) {
        if (status != DhrStatus.COMPLETED) {
            throw RuleViolation.outOfOrder("not-completed", "submittedOn", "only a completed review is submitted");
        }
        notBefore("submittedOn", submittedOn, completedOn, "the review's completion");
        notAfterToday("submittedOn", submittedOn, today);
        DomesticHomicideReview next = new DomesticHomicideReview(id, district, notifiedOn, agenciesInvolved, DhrStatus.SUBMITTED,
                decisionDueOn, decision, reviewDueOn, panel, completedOn, submittedOn, publishedOn, recommendations, breached,
                nextDueAt, notifiedAt);
        return Change.to(next, List.of(new DhrSubmittedToHomeOffice(id, district, submittedOn, now)));
    }

    public Change publish(LocalDate publishedOn, LocalDate today, Instant now) {
        if (status != DhrStatus.SUBMITTED) {
            throw RuleViolation.outOfOrder("not-submitted", "publishedOn", "a review is published after its submission");
        }
        notBefore("publishedOn", publishedOn, submittedOn, "the submission");
        notAfterToday("publishedOn", publishedOn, today);
        DomesticHomicideReview next = new DomesticHomicideReview(id, district, notifiedOn, agenciesInvolved, DhrStatus.PUBLISHED,
                decisionDueOn, decision, reviewDueOn, panel, completedOn, submittedOn, publishedOn, recommendations, breached,
                nextDueAt, notifiedAt);
        return Change.to(next, List.of(new DhrPublished(id, district, publishedOn, now)));
    }

    /** A recommendation of the completed review, as an action with an owner agency and a due date. */
    public Change recommend(String recommendationId, String summary, String ownerAgency, LocalDate dueOn, Instant now) {
        if (status != DhrStatus.COMPLETED && status != DhrStatus.SUBMITTED && status != DhrStatus.PUBLISHED) {
            throw RuleViolation.outOfOrder("not-completed", "ownerAgency", "recommendations come from a completed review");
        }
        notBefore("dueOn", dueOn, completedOn, "the review's completion");
        List<Recommendation> all = new ArrayList<>(recommendations);
        all.add(new Recommendation(recommendationId, summary, ownerAgency, dueOn, RecommendationStatus.OPEN, null));
        DomesticHomicideReview next = with(all, breached);
        return Change.to(next, List.of(new DhrRecommendationRecorded(id, recommendationId, district, ownerAgency, dueOn, now)));
    }

    /** A recommendation's progress; done needs the date it was done. Done after its due date: reported missed too. */
    public Change updateRecommendation(String recommendationId, RecommendationStatus newStatus, LocalDate doneOn,
            LocalDate today, Instant now) {
        Recommendation current = recommendation(recommendationId).orElseThrow(
                () -> RuleViolation.outOfOrder("no-such-recommendation", "recommendationId", "no such recommendation"));
        if (current.done()) {
            throw RuleViolation.outOfOrder("recommendation-done", "status", "the recommendation is done already");
        }
        if (newStatus == current.status()) {
            return Change.none(this);
        }
        boolean done = newStatus == RecommendationStatus.DONE;
        if (done) {
            if (doneOn == null) {
                throw RuleViolation.invalid("done-date-required", "doneOn", "is required when the status is done");
            }
            notAfterToday("doneOn", doneOn, today);
            notBefore("doneOn", doneOn, completedOn, "the review's completion");
        }
        boolean inTime = !done || !doneOn.isAfter(current.dueOn());
        List<Recommendation> all = recommendations.stream().map(r -> r.id().equals(recommendationId)
                ? new Recommendation(r.id(), r.summary(), r.ownerAgency(), r.dueOn(), newStatus, done ? doneOn : null) : r).toList();
        List<Object> events = new ArrayList<>();
        events.add(new DhrRecommendationUpdated(id, recommendationId, district, newStatus.code(), done ? doneOn : null, inTime, now));
        List<String> missed = new ArrayList<>(breached);
        if (done) {
            missedLate(recommendationClock(recommendationId), DhrClocks.RECOMMENDATION, recommendationId, current.dueOn(), inTime,
                    now, missed, events);
        }
        return Change.to(with(all, missed), events);
    }

    /**
     * Reports every time limit that has passed undone and was not reported yet: {@code DhrDeadlineMissed} each, once.
     * What the deadline scan calls.
     */
    public Change breachOverdue(Instant now) {
        List<String> missed = new ArrayList<>(breached);
        List<Object> events = new ArrayList<>();
        for (Running clock : running().toList()) {
            if (!clock.dueAt().isAfter(now)) {
                missed.add(clock.key());
                events.add(new DhrDeadlineMissed(id, district, clock.name(), clock.recommendationId(), clock.dueAt(), now));
            }
        }
        if (events.isEmpty()) {
            return Change.none(this);
        }
        return Change.to(with(recommendations, missed), events);
    }

    public Optional<Recommendation> recommendation(String recommendationId) {
        return recommendations.stream().filter(r -> r.id().equals(recommendationId)).findFirst();
    }

    /** A time limit still running and not yet reported: its key in {@link #breached}, its clock and when it passes. */
    record Running(String key, String name, String recommendationId, Instant dueAt) {
    }

    Stream<Running> running() {
        List<Running> clocks = new ArrayList<>();
        if (status == DhrStatus.NOTIFIED) {
            clocks.add(new Running(DhrClocks.DECISION, DhrClocks.DECISION, null, KentDate.endOf(decisionDueOn)));
        }
        if (status == DhrStatus.UNDER_REVIEW) {
            clocks.add(new Running(DhrClocks.REVIEW, DhrClocks.REVIEW, null, KentDate.endOf(reviewDueOn)));
        }
        for (Recommendation r : recommendations) {
            if (!r.done()) {
                clocks.add(new Running(recommendationClock(r.id()), DhrClocks.RECOMMENDATION, r.id(), KentDate.endOf(r.dueOn())));
            }
        }
        return clocks.stream().filter(c -> !breached.contains(c.key()));
    }

    private static String recommendationClock(String recommendationId) {
        return DhrClocks.RECOMMENDATION + ":" + recommendationId;
    }

    private void missedLate(String key, String clock, String recommendationId, LocalDate dueOn, boolean inTime, Instant now,
            List<String> missed, List<Object> events) {
        if (!inTime && !missed.contains(key)) {
            missed.add(key);
            events.add(new DhrDeadlineMissed(id, district, clock, recommendationId, KentDate.endOf(dueOn), now));
        }
    }

    private DomesticHomicideReview with(List<Recommendation> all, List<String> missed) {
        return new DomesticHomicideReview(id, district, notifiedOn, agenciesInvolved, status, decisionDueOn, decision, reviewDueOn,
                panel, completedOn, submittedOn, publishedOn, all, missed, null, notifiedAt).withNextDue();
    }

    private DomesticHomicideReview withNextDue() {
        Instant next = running().map(Running::dueAt).min(Comparator.naturalOrder()).orElse(null);
        return new DomesticHomicideReview(id, district, notifiedOn, agenciesInvolved, status, decisionDueOn, decision, reviewDueOn,
                panel, completedOn, submittedOn, publishedOn, recommendations, breached, next, notifiedAt);
    }

    private static void notAfterToday(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw RuleViolation.invalid("date-in-future", field, "must not be in the future");
        }
    }

    private static void notBefore(String field, LocalDate date, LocalDate earliest, String what) {
        if (earliest != null && date.isBefore(earliest)) {
            throw RuleViolation.invalid("date-out-of-order", field, "must not be before " + what);
        }
    }
}
