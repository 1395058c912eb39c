package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.saferkent.rj.vocabulary.Codes;

/** A case being changed by one decision: mutable, and only ever seen inside the domain. */
final class RjCaseDraft {

    private final String id;
    private final String source;
    private final String sourceId;
    private final String referralId;
    String victimCaseId;
    String district;
    String category;
    List<String> flags;
    List<String> sensitivities;
    Instant referralKnownAt;
    private final LocalDate offenceDate;
    RjCaseStatus status;
    final List<Participant> participants;
    RiskAssessment riskAssessment;
    ManagerApproval managerApproval;
    String facilitator;
    Conference conference;
    RjOutcome outcome;
    Closure closure;
    private final List<TimelineEntry> timeline;
    private final Instant openedAt;

    RjCaseDraft(RjCase from) {
        id = from.id();
        source = from.source();
        sourceId = from.sourceId();
        referralId = from.referralId();
        victimCaseId = from.victimCaseId();
        district = from.district();
        category = from.category();
        flags = from.flags();
        sensitivities = from.sensitivities();
        referralKnownAt = from.referralKnownAt();
        offenceDate = from.offenceDate();
        status = from.status();
        participants = new ArrayList<>(from.participants());
        riskAssessment = from.riskAssessment();
        managerApproval = from.managerApproval();
        facilitator = from.facilitator();
        conference = from.conference();
        outcome = from.outcome();
        closure = from.closure();
        timeline = new ArrayList<>(from.timeline());
        openedAt = from.openedAt();
    }

    static RjCaseDraft opening(String id, String source, String sourceId, String referralId, String victimCaseId,
            String district, String category, List<String> flags, List<String> sensitivities, LocalDate offenceDate,
            Instant now) {
        RjCaseDraft draft = new RjCaseDraft(new RjCase(id, source, sourceId, referralId, victimCaseId, district, category,
                flags, sensitivities, null, offenceDate, RjCaseStatus.OPEN, List.of(), null, null, null, null, null, null,
                List.of(), now));
        draft.note(now, "opened", "from " + source + (sensitivities.isEmpty() ? "" : ", sensitive: " + String.join(", ", sensitivities)));
        return draft;
    }

    Change opened(Instant now) {
        RjCase opened = build();
        return Change.to(opened, List.of(opened.opened()));
    }

    void join(ParticipantRole role, String pseudonym, Integer age, Instant now) {
        String participantId = "p" + (participants.size() + 1);
        participants.add(new Participant(participantId, role, pseudonym, age, null, null, now));
        note(now, "participant joined", participantId + " (" + Codes.of(role) + ")");
    }

    void replace(Participant changed) {
        participants.replaceAll(p -> p.id().equals(changed.id()) ? changed : p);
    }

    RjCaseClosed close(ClosureReason reason, String detail, boolean restorative, Instant now) {
        status = RjCaseStatus.CLOSED;
        closure = new Closure(reason, detail, now);
        note(now, "closed", Codes.of(reason) + (detail != null ? " (" + detail + ")" : ""));
        return new RjCaseClosed(id, referralId, source, district, Codes.of(reason), Codes.of(reason), detail, restorative, now);
    }

    void note(Instant at, String what, String detail) {
        timeline.add(new TimelineEntry(at, what, detail));
    }

    RjCase build() {
        return new RjCase(id, source, sourceId, referralId, victimCaseId, district, category, flags, sensitivities,
                referralKnownAt, offenceDate, status, participants, riskAssessment, managerApproval, facilitator, conference, outcome,
                closure, timeline, openedAt);
    }
}
