package org.saferkent.referrals.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A referral from a partner agency: who sent it, where, what about, how risky, where it went and
 * how the services answered. Holds no personal data: the subject is a pseudonym plus
 * non-identifying attributes; their details are kept apart ({@link PersonalDetails}).
 *
 * <p>Every change returns the new state with the events it produced; the caller stores both in one write.
 *
 * <p>{@code settledAt}: when the referral, settled ({@link #settled()}), last changed (the change that settled
 * it, or a later one such as a deadline missed after it); null while it is not settled, and cleared if it
 * becomes unsettled again (a case opened on a pathway after it was declined). The retention purge reads it,
 * so it is stored with the change that settles the referral, in the same write.
 */
public record Referral(
        String id,
        String agency,
        String agencyReference,
        District district,
        String category,
        List<String> flags,
        String asbType,
        SubjectProfile subject,
        String crimeReference,
        LocalDate incidentDate,
        List<String> requestedPathways,
        Consent consent,
        Triage triage,
        String linkedTo,
        String linkReason,
        ReferralStatus status,
        List<PathwayState> pathways,
        List<ReferralClock> clocks,
        Instant nextDueAt,
        List<TimelineEntry> timeline,
        Instant receivedAt,
        Instant settledAt) {

    /** The new state and the facts it produced. */
    public record Change(Referral referral, List<Object> events) {
        public boolean changed() {
            return !events.isEmpty();
        }
    }

    /** How triage placed the referral: linked to an earlier one, or routed to pathways. */
    public record Placement(String linkedTo, String linkReason, List<String> pathways) {
    }

    /** Takes in a referral: triaged, then either linked to the first referral of the incident or routed. */
    public static Change receive(String id, NewReferral request, SubjectProfile subject, Triage triage, Placement placement,
            List<ReferralClock> clocks, Instant now) {
        boolean linked = placement.linkedTo() != null;
        List<String> flags = List.copyOf(request.flags());
        List<Object> events = new ArrayList<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        String consentBasis = request.consent().given() ? "consent" : "override:" + request.consent().overrideBasis();
        events.add(new ReferralReceived(id, request.agency(), request.district().code(), request.district().csp(),
                request.category(), flags, request.asbType(), subject.role().code(), subject.pseudonym(), subject.ageBand(),
                consentBasis, now));
        timeline.add(new TimelineEntry(now, "received", "from " + request.agency()));
        events.add(new ReferralTriaged(id, request.district().code(), triage.riskLevel(), triage.dashYesAnswers(),
                triage.raisedByProfessionalJudgement(), triage.marac(), triage.maracReasons(), now));
        timeline.add(new TimelineEntry(now, "triaged", "risk " + triage.riskLevel() + (triage.marac() ? ", MARAC" : "")));
        List<PathwayState> states = new ArrayList<>();
        if (linked) {
            events.add(new ReferralLinked(id, placement.linkedTo(), request.agency(), request.district().code(),
                    request.category(), subject.pseudonym(), placement.linkReason(), now));
            timeline.add(new TimelineEntry(now, "linked", "duplicate of " + placement.linkedTo() + " (" + placement.linkReason() + ")"));
        } else {
            for (String pathway : placement.pathways()) {
                events.add(new ReferralRouted(id, request.district().code(), request.category(), flags, pathway,
                        triage.riskLevel(), triage.marac(), subject.role().code(), subject.pseudonym(), subject.ageBand(),
                        subject.vulnerabilities(), now, request.receivedByAgencyAt()));
                states.add(new PathwayState(pathway, PathwayState.ROUTED, null, null));
                timeline.add(new TimelineEntry(now, "routed", pathway));
            }
        }
        List<ReferralClock> running = linked ? List.of() : List.copyOf(clocks);
        Referral referral = new Referral(id, request.agency(), request.agencyReference(), request.district(), request.category(),
                flags, request.asbType(), subject, request.crimeReference(), request.incidentDate(),
                request.requestedPathways().stream().map(Pathway::code).toList(), request.consent(), triage,
                placement.linkedTo(), placement.linkReason(), linked ? ReferralStatus.LINKED : ReferralStatus.ROUTED,
                List.copyOf(states), running, nextDue(running), List.copyOf(timeline), now, null);
        return new Change(referral.stamped(now), List.copyOf(events));
    }

    /**
     * A service opened a case for one of the referral's pathways. Victims runs one case for a referral
     * routed to both victim support and domestic abuse, so its case answers for both.
     */
    public Change caseOpened(String pathway, String caseId, Instant now) {
        Referral next = this;
        List<Object> events = new ArrayList<>();
        for (String answered : answeredBy(pathway)) {
            if (next.hasState(answered, caseId, PathwayState.ACCEPTED) || next.hasState(answered, caseId, PathwayState.CLOSED)) {
                continue;
            }
            List<ReferralClock> newClocks = next.clocks.stream()
                    .map(c -> c.name().equals(ReferralClock.TRIAGE)
                            || (c.name().equals(ReferralClock.VICTIM_DETAILS) && isVictimServices(answered)) ? c.met(now) : c)
                    .toList();
            next = next.withPathway(new PathwayState(answered, PathwayState.ACCEPTED, caseId, null), newClocks, now,
                    new TimelineEntry(now, "accepted", answered + " case " + caseId)).withStatus(ReferralStatus.ACCEPTED);
            events.add(new ReferralAccepted(id, answered, caseId, district.code(), now));
        }
        return changed(next, events, now);
    }

    /** A service declined the referral for one pathway. */
    public Change caseDeclined(String pathway, String caseId, String reason, Instant now) {
        if (hasState(pathway, caseId, PathwayState.DECLINED)) {
            return unchanged();
        }
        List<ReferralClock> newClocks = clocks.stream()
                .map(c -> c.name().equals(ReferralClock.TRIAGE) ? c.met(now) : c).toList();
        Referral next = withPathway(new PathwayState(pathway, PathwayState.DECLINED, caseId, reason), newClocks, now,
                new TimelineEntry(now, "declined", pathway + (reason != null ? ": " + reason : "")));
        boolean allDeclined = next.pathways.stream().allMatch(p -> p.status().equals(PathwayState.DECLINED));
        // the last answer a decline: the cases closed on the others settle the referral as closed
        boolean allSettled = next.pathways.stream()
                .allMatch(p -> p.status().equals(PathwayState.CLOSED) || p.status().equals(PathwayState.DECLINED));
        Referral settled = allDeclined ? next.withStatus(ReferralStatus.DECLINED)
                : allSettled ? next.withStatus(ReferralStatus.CLOSED) : next;
        return changed(settled, List.of(new ReferralDeclined(id, pathway, caseId, reason, district.code(), now)), now);
    }

    /** A case opened from the referral was closed with an outcome (for every pathway the case answers for). */
    public Change caseClosed(String pathway, String caseId, String outcome, Instant now) {
        Referral next = this;
        List<Object> events = new ArrayList<>();
        for (String answered : answeredBy(pathway)) {
            if (next.hasState(answered, caseId, PathwayState.CLOSED)) {
                continue;
            }
            next = next.withPathway(new PathwayState(answered, PathwayState.CLOSED, caseId, outcome), next.clocks, now,
                    new TimelineEntry(now, "closed", answered + (outcome != null ? ": " + outcome : "")));
            events.add(new ReferralClosed(id, answered, caseId, outcome, district.code(), now));
        }
        boolean allSettled = next.pathways.stream()
                .allMatch(p -> p.status().equals(PathwayState.CLOSED) || p.status().equals(PathwayState.DECLINED));
        return changed(allSettled && !events.isEmpty() ? next.withStatus(ReferralStatus.CLOSED) : next, events, now);
    }

    /** The pathways one case answers for: victims' case covers both victim-services pathways routed. */
    private List<String> answeredBy(String pathway) {
        if (!isVictimServices(pathway)) {
            return List.of(pathway);
        }
        List<String> answered = new ArrayList<>(pathways.stream().map(PathwayState::pathway)
                .filter(Referral::isVictimServices).filter(p -> !p.equals(pathway)).toList());
        answered.add(0, pathway);
        return answered;
    }

    /** Marks every open clock whose deadline has passed as breached. */
    public Change breachOverdueClocks(Instant now) {
        List<Object> events = new ArrayList<>();
        List<TimelineEntry> newTimeline = new ArrayList<>(timeline);
        List<ReferralClock> newClocks = new ArrayList<>();
        for (ReferralClock clock : clocks) {
            if (clock.running() && !now.isBefore(clock.dueAt())) {
                newClocks.add(clock.breached(now));
                events.add(new ReferralSlaBreached(id, clock.name(), district.code(), clock.dueAt(), now));
                newTimeline.add(new TimelineEntry(now, "deadline missed", clock.name()));
            } else {
                newClocks.add(clock);
            }
        }
        if (events.isEmpty()) {
            return unchanged();
        }
        return changed(new Referral(id, agency, agencyReference, district, category, flags, asbType, subject,
                crimeReference, incidentDate, requestedPathways, consent, triage, linkedTo, linkReason, status, pathways,
                List.copyOf(newClocks), nextDue(newClocks), List.copyOf(newTimeline), receivedAt, settledAt), events, now);
    }

    private static boolean isVictimServices(String pathway) {
        return Pathway.VICTIM_SUPPORT.code().equals(pathway) || Pathway.DOMESTIC_ABUSE.code().equals(pathway);
    }

    private boolean hasState(String pathway, String caseId, String state) {
        return pathways.stream().anyMatch(p -> p.pathway().equals(pathway) && p.status().equals(state)
                && Objects.equals(p.caseId(), caseId));
    }

    private Referral withPathway(PathwayState state, List<ReferralClock> newClocks, Instant now, TimelineEntry entry) {
        List<PathwayState> states = new ArrayList<>(pathways.stream().filter(p -> !p.pathway().equals(state.pathway())).toList());
        states.add(state);
        states.sort(Comparator.comparing(PathwayState::pathway));
        List<TimelineEntry> newTimeline = new ArrayList<>(timeline);
        newTimeline.add(entry);
        return new Referral(id, agency, agencyReference, district, category, flags, asbType, subject, crimeReference,
                incidentDate, requestedPathways, consent, triage, linkedTo, linkReason, status, List.copyOf(states),
                List.copyOf(newClocks), nextDue(newClocks), List.copyOf(newTimeline), receivedAt, settledAt);
    }

    private Referral withStatus(ReferralStatus newStatus) {
        return new Referral(id, agency, agencyReference, district, category, flags, asbType, subject, crimeReference,
                incidentDate, requestedPathways, consent, triage, linkedTo, linkReason, newStatus, pathways, clocks,
                nextDueAt, timeline, receivedAt, settledAt);
    }

    /**
     * Settled: nothing more is asked of any service, so the subject's details wait only for the retention
     * period — closed, declined or linked, or routed to no pathway at all.
     */
    public boolean settled() {
        return status == ReferralStatus.CLOSED || status == ReferralStatus.DECLINED || status == ReferralStatus.LINKED
                || (status == ReferralStatus.ROUTED && pathways.isEmpty());
    }

    /** The change, if any, with {@code settledAt} kept in step with it. */
    private static Change changed(Referral next, List<Object> events, Instant now) {
        return events.isEmpty() ? new Change(next, List.of()) : new Change(next.stamped(now), List.copyOf(events));
    }

    /** This state changed at {@code now}: settled since then if it is settled, else not settled. */
    private Referral stamped(Instant now) {
        Instant at = settled() ? now : null;
        return new Referral(id, agency, agencyReference, district, category, flags, asbType, subject, crimeReference,
                incidentDate, requestedPathways, consent, triage, linkedTo, linkReason, status, pathways, clocks,
                nextDueAt, timeline, receivedAt, at);
    }

    private Change unchanged() {
        return new Change(this, List.of());
    }

    /** The earliest open deadline: what the clock scanner looks for. */
    private static Instant nextDue(List<ReferralClock> clocks) {
        return clocks.stream().filter(ReferralClock::running).map(ReferralClock::dueAt).min(Comparator.naturalOrder()).orElse(null);
    }
}
