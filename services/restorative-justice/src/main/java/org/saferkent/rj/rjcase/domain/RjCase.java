package org.saferkent.rj.rjcase.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.saferkent.rj.vocabulary.Codes;

/**
 * A restorative justice case. People are known by pseudonym and age only. Every decision returns the
 * new state with the facts it produced ({@link Change}), or refuses with the rule it would break
 * ({@link RuleViolation}) and changes nothing.
 *
 * @param source        {@code referral}, {@code victim-case} or {@code yos}: what opened the case
 * @param sourceId      the referral id, victim case id or YOS reference it was opened from
 * @param sensitivities the categories or flags that make the case sensitive (see {@link DirectContactPolicy})
 * @param referralKnownAt when the case learnt its referral's category and flags: at opening from the referral,
 *                      later for a case a victim's opt-in opened; {@code null} while they are not known
 *                      (see {@link #referralPending()})
 */
public record RjCase(
        String id,
        String source,
        String sourceId,
        String referralId,
        String victimCaseId,
        String district,
        String category,
        List<String> flags,
        List<String> sensitivities,
        Instant referralKnownAt,
        LocalDate offenceDate,
        RjCaseStatus status,
        List<Participant> participants,
        RiskAssessment riskAssessment,
        ManagerApproval managerApproval,
        String facilitator,
        Conference conference,
        RjOutcome outcome,
        Closure closure,
        List<TimelineEntry> timeline,
        Instant openedAt) {

    public static final String REFERRAL = "referral";
    public static final String VICTIM_CASE = "victim-case";
    public static final String YOS = "yos";

    public RjCase {
        flags = flags == null ? List.of() : List.copyOf(flags);
        sensitivities = sensitivities == null ? List.of() : List.copyOf(sensitivities);
        participants = participants == null ? List.of() : List.copyOf(participants);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** One source (a routed referral, a victim's opt-in, a YOS referral) opens at most one case. */
    public static String idFor(String source, String sourceId) {
        return "rj-" + source + "-" + sourceId;
    }

    // ---------------------------------------------------------------- opening

    /** A referral routed to restorative justice; its subject joins as victim or offender when they are one. */
    public static Change fromReferral(String referralId, String district, String category, List<String> flags,
            ParticipantRole subjectRole, String subjectPseudonym, DirectContactPolicy policy, Instant now) {
        RjCaseDraft draft = RjCaseDraft.opening(idFor(REFERRAL, referralId), REFERRAL, referralId, referralId, null,
                district, category, flags, policy.sensitivities(category, flags), null, now);
        draft.referralKnownAt = now;
        if (subjectRole != null && subjectPseudonym != null) {
            draft.join(subjectRole, subjectPseudonym, null, now);
        }
        return draft.opened(now);
    }

    /**
     * A victim opted into restorative justice at the victims service; they join as the victim. Keyed by
     * their referral when it is known, as the case that referral's routing opens would be: whichever of
     * the two arrives first opens the case, the other joins it ({@link #victimOptedIn}, {@link #referralRouted}).
     */
    public static Change fromVictimOptIn(String victimCaseId, String referralId, String district, String category,
            String subjectPseudonym, DirectContactPolicy policy, Instant now) {
        String id = referralId != null ? idFor(REFERRAL, referralId) : idFor(VICTIM_CASE, victimCaseId);
        RjCaseDraft draft = RjCaseDraft.opening(id, VICTIM_CASE, victimCaseId, referralId,
                victimCaseId, district, category, List.of(), policy.sensitivities(category, List.of()), null, now);
        if (subjectPseudonym != null) {
            draft.join(ParticipantRole.VICTIM, subjectPseudonym, null, now);
        }
        return draft.opened(now);
    }

    /** The Youth Offending Service referred a young offender; they join as the offender. */
    public static Change fromYouthOffendingService(String id, String yosReference, String offenderPseudonym,
            int ageAtOffence, String offenceCategory, LocalDate offenceDate, String district, List<String> flags,
            DirectContactPolicy policy, Instant now) {
        RjCaseDraft draft = RjCaseDraft.opening(id, YOS, yosReference, null, null, district, offenceCategory, flags,
                policy.sensitivities(offenceCategory, flags), offenceDate, now);
        draft.join(ParticipantRole.OFFENDER, offenderPseudonym, ageAtOffence, now);
        return draft.opened(now);
    }

    /** The victim of a case opened from their referral opted in at the victims service as well: one case, not two. */
    public Change victimOptedIn(String optedInVictimCaseId, String pseudonym, Instant now) {
        if (status == RjCaseStatus.CLOSED || VICTIM_CASE.equals(source) && sourceId.equals(optedInVictimCaseId)) {
            return Change.none(this); // or this very opt-in opened the case
        }
        RjCaseDraft draft = new RjCaseDraft(this);
        if (optedInVictimCaseId != null && victimCaseId == null) {
            draft.victimCaseId = optedInVictimCaseId;
        }
        if (pseudonym != null && findActive(pseudonym, ParticipantRole.VICTIM).isEmpty()) {
            draft.join(ParticipantRole.VICTIM, pseudonym, null, now);
        }
        draft.note(now, "victim opted in", optedInVictimCaseId);
        return Change.to(draft.build(), List.of());
    }

    /**
     * The referral's routing to restorative justice arrived after its victim's opt-in opened the case:
     * the case becomes what it would be had the referral come first — the referral's district,
     * category and flags (so its sensitivity), and its subject as a participant — and opens no second case.
     * Nothing to do for a case the referral opened itself, or a closed one.
     */
    public Change referralRouted(String routedReferralId, String routedDistrict, String routedCategory,
            List<String> routedFlags, ParticipantRole subjectRole, String subjectPseudonym, DirectContactPolicy policy,
            Instant now) {
        if (REFERRAL.equals(source) || status == RjCaseStatus.CLOSED) {
            return Change.none(this);
        }
        RjCaseDraft draft = new RjCaseDraft(this);
        learn(draft, routedDistrict, routedCategory, routedFlags, policy, now);
        if (subjectRole != null && subjectPseudonym != null && participants.stream()
                .noneMatch(p -> p.role() == subjectRole && p.pseudonym().equals(subjectPseudonym))) {
            draft.join(subjectRole, subjectPseudonym, null, now);
        }
        draft.note(now, "referral routed", routedReferralId);
        return Change.to(draft.build(), List.of());
    }

    /**
     * The case's referral was routed to another pathway (the victims service, typically, whose case the
     * victim opted in from): the case takes its district, category and flags, so its sensitivity — but not
     * its subject, who is not referred to restorative justice. Once only; nothing for a case that knows its
     * referral already, or a closed one.
     */
    public Change referralKnown(String knownReferralId, String knownDistrict, String knownCategory, List<String> knownFlags,
            DirectContactPolicy policy, Instant now) {
        if (!referralPending() || status == RjCaseStatus.CLOSED) {
            return Change.none(this);
        }
        RjCaseDraft draft = new RjCaseDraft(this);
        learn(draft, knownDistrict, knownCategory, knownFlags, policy, now);
        draft.note(now, "referral known", knownReferralId);
        return Change.to(draft.build(), List.of());
    }

    private void learn(RjCaseDraft draft, String knownDistrict, String knownCategory, List<String> knownFlags,
            DirectContactPolicy policy, Instant now) {
        draft.district = knownDistrict != null ? knownDistrict : district;
        draft.category = knownCategory != null ? knownCategory : category;
        List<String> merged = new ArrayList<>(flags);
        (knownFlags == null ? List.<String>of() : knownFlags).stream().filter(f -> !merged.contains(f)).forEach(merged::add);
        draft.flags = merged;
        List<String> sensitive = new ArrayList<>(policy.sensitivities(draft.category, merged));
        sensitivities.stream().filter(s -> !sensitive.contains(s)).forEach(sensitive::add); // the opt-in's own category
        draft.sensitivities = sensitive;
        draft.referralKnownAt = now;
    }

    // ---------------------------------------------------------------- participants and consent

    /** Adds a participant; adding the same person in the same role again changes nothing. */
    public Change addParticipant(ParticipantRole role, String pseudonym, Integer age, Instant now) {
        requireOpen();
        if (findActive(pseudonym, role).isPresent()) {
            return Change.none(this);
        }
        if (participants.stream().anyMatch(p -> p.pseudonym().equals(pseudonym) && p.role() == role && p.withdrawn())) {
            throw new RuleViolation(RjRules.WITHDRAWAL_ENDS_PARTICIPATION, "pseudonym",
                    "this person withdrew from the case: withdrawal ends their part, they cannot join again");
        }
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.join(role, pseudonym, age, now);
        return Change.to(draft.build(), List.of());
    }

    /** Written, informed consent; a participant who withdrew cannot consent again. */
    public Change recordConsent(String participantId, boolean written, boolean informed, LocalDate recordedOn, Instant now) {
        requireOpen();
        Participant participant = participant(participantId);
        if (participant.withdrawn()) {
            throw new RuleViolation(RjRules.WITHDRAWAL_ENDS_PARTICIPATION, "participantId",
                    "this participant withdrew consent: withdrawal ends their part in the case");
        }
        if (!written || !informed) {
            throw new RuleViolation(RjRules.WRITTEN_INFORMED_CONSENT, !written ? "written" : "informed",
                    "consent to restorative justice must be written and informed");
        }
        if (participant.consenting()) {
            return Change.none(this);
        }
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.replace(participant.withConsent(new ParticipantConsent(true, true, recordedOn, now)));
        draft.note(now, "consent recorded", participantId + " (" + Codes.of(participant.role()) + ")");
        return Change.to(draft.build(), List.of(new RjConsentRecorded(id, referralId, district, participantId,
                Codes.of(participant.role()), participant.pseudonym(), participant.age(), recordedOn, now)));
    }

    /**
     * Consent withdrawn: the participant's part ends. When that leaves their side of the meeting (the
     * offender, or the victim and other affected parties) with nobody, the case can no longer be
     * restorative and closes as consent-withdrawn — never as completed.
     */
    public Change withdrawConsent(String participantId, LocalDate withdrawnOn, Instant now) {
        requireOpen();
        Participant participant = participant(participantId);
        if (participant.withdrawn()) {
            return Change.none(this);
        }
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.replace(participant.withdrawnOn(withdrawnOn));
        draft.note(now, "consent withdrawn", participantId + " (" + Codes.of(participant.role()) + ")");
        boolean harmedSide = participant.role().harmedSide();
        boolean sideLeft = draft.participants.stream()
                .anyMatch(p -> p.active() && p.role().harmedSide() == harmedSide);
        List<Object> events = new ArrayList<>();
        events.add(new RjConsentWithdrawn(id, referralId, district, participantId, Codes.of(participant.role()),
                participant.pseudonym(), withdrawnOn, sideLeft, now));
        if (!sideLeft) {
            events.add(draft.close(ClosureReason.CONSENT_WITHDRAWN, harmedSide ? "no-victim-or-affected-party" : "no-offender",
                    false, now));
        }
        return Change.to(draft.build(), events);
    }

    // ---------------------------------------------------------------- risk, approval, facilitator

    /**
     * The latest assessment stands. One at a higher level than a manager's approval was given under withdraws
     * that approval: direct contact then needs a new one, on the new assessment.
     */
    public Change assessRisk(RiskLevel level, String assessedBy, String notes, Instant now) {
        requireOpen();
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.riskAssessment = new RiskAssessment(level, assessedBy, notes, now);
        draft.note(now, "risk assessed", Codes.of(level));
        if (managerApproval != null) {
            RiskLevel approvedUnder = managerApproval.riskLevel() != null ? managerApproval.riskLevel() : riskAssessment.level();
            if (level.compareTo(approvedUnder) > 0) {
                draft.managerApproval = null;
                draft.note(now, "manager approval withdrawn", "risk re-assessed " + Codes.of(level) + ", above the "
                        + Codes.of(approvedUnder) + " it was approved under: direct contact needs a new approval");
            }
        }
        RjCase next = draft.build();
        return Change.to(next, List.of(new RjRiskAssessed(id, referralId, district, Codes.of(level), sensitive(),
                next.managerApprovalRequired(), now)));
    }

    /** A manager approves direct contact, on the strength of the risk assessment. */
    public Change approveDirectContact(String approvedBy, Instant now) {
        requireOpen();
        if (riskAssessment == null) {
            throw new RuleViolation(RjRules.RISK_ASSESSMENT_BEFORE_APPROVAL, "riskAssessment",
                    "a manager approves direct contact on a risk assessment: assess the risk first");
        }
        ManagerApproval.requireNotAssessor(approvedBy, riskAssessment);
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.managerApproval = new ManagerApproval(approvedBy, now, riskAssessment.level());
        draft.note(now, "manager approved direct contact", null);
        return Change.to(draft.build(), List.of());
    }

    public Change assignFacilitator(String name, Instant now) {
        requireOpen();
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.facilitator = name;
        draft.note(now, "facilitator assigned", null);
        return Change.to(draft.build(), List.of());
    }

    // ---------------------------------------------------------------- the conference

    /** Plans the intervention: after a risk assessment, with a facilitator, and with approval for sensitive direct contact. */
    public Change scheduleConference(InterventionType type, LocalDate date, Instant now) {
        requireOpen();
        if (conference != null && conference.held()) {
            throw new RuleViolation(RjRules.CONFERENCE_SCHEDULED, "conference", "the conference was held already");
        }
        requireReadyToMeet(type);
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.conference = new Conference(type, date, null);
        draft.note(now, "conference scheduled", Codes.of(type) + " on " + date);
        return Change.to(draft.build(), List.of());
    }

    /**
     * The intervention took place, with the written, informed consent of everyone still taking part, on or
     * after the (latest) risk assessment and every one of those consents.
     */
    public Change recordConferenceHeld(LocalDate heldOn, Instant now) {
        requireOpen();
        if (conference == null) {
            throw new RuleViolation(RjRules.CONFERENCE_SCHEDULED, "conference", "no conference was scheduled");
        }
        if (conference.held()) {
            return Change.none(this);
        }
        requireReadyToMeet(conference.type());
        for (Participant participant : participants) {
            if (participant.active() && !participant.consenting()) {
                throw new RuleViolation(RjRules.CONSENT_OF_EVERY_PARTICIPANT, "participants." + participant.id(),
                        "every participant must have given written, informed consent before taking part");
            }
        }
        LocalDate assessedOn = riskAssessment.assessedOn();
        if (heldOn.isBefore(assessedOn)) {
            throw new RuleViolation(RjRules.CONFERENCE_AFTER_RISK_ASSESSMENT, "heldOn",
                    "the conference is held on or after the risk assessment, made on " + assessedOn);
        }
        for (Participant participant : participants) {
            if (participant.consenting() && participant.consent().recordedOn() != null
                    && heldOn.isBefore(participant.consent().recordedOn())) {
                throw new RuleViolation(RjRules.CONFERENCE_AFTER_CONSENT, "heldOn", "the conference is held on or after"
                        + " every participant's consent: " + participant.id() + " consented on " + participant.consent().recordedOn());
            }
        }
        if (count(ParticipantRole.OFFENDER) == 0 || count(ParticipantRole.VICTIM) + count(ParticipantRole.AFFECTED_PARTY) == 0) {
            throw new RuleViolation(RjRules.CONSENT_OF_EVERY_PARTICIPANT, "participants",
                    "a restorative intervention needs a consenting offender and a consenting victim or affected party");
        }
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.conference = new Conference(conference.type(), conference.scheduledFor(), heldOn);
        draft.note(now, "conference held", Codes.of(conference.type()) + " on " + heldOn);
        return Change.to(draft.build(), List.of(new RjConferenceHeld(id, referralId, district, category,
                Codes.of(conference.type()), conference.type().directContact(), heldOn, count(ParticipantRole.VICTIM),
                count(ParticipantRole.OFFENDER), count(ParticipantRole.AFFECTED_PARTY), now)));
    }

    // ---------------------------------------------------------------- outcome and closure

    /**
     * Records the outcome and closes the case: completed only when the agreement was completed and all
     * four ACPO standards hold; a completed agreement that is not restorative closes as other
     * (not-restorative); a failed one as failed.
     */
    public Change recordOutcome(OutcomeReport report, Instant now) {
        requireOpen();
        if (conference == null || !conference.held()) {
            throw new RuleViolation(RjRules.OUTCOME_AFTER_CONFERENCE, "conference",
                    "an outcome is recorded after the intervention took place");
        }
        AcpoStandards acpo = report.acpo();
        boolean restorative = acpo.restorative();
        RjOutcome recorded = new RjOutcome(acpo, restorative, acpo.notMet(), report.agreement(), report.result(),
                report.victimSatisfaction(), report.wouldRecommend(), now);
        RjCaseDraft draft = new RjCaseDraft(this);
        draft.outcome = recorded;
        draft.note(now, "outcome recorded", Codes.of(report.result()) + (restorative ? ", restorative" : ", not restorative"));
        Agreement agreement = report.agreement();
        Object outcomeRecorded = new RjOutcomeRecorded(id, referralId, district, category, Codes.of(conference.type()),
                restorative, Boolean.TRUE.equals(acpo.offenderTakesResponsibility()),
                Boolean.TRUE.equals(acpo.victimOrAffectedPartyInvolved()), Boolean.TRUE.equals(acpo.structuredProcess()),
                Boolean.TRUE.equals(acpo.reparation()), Codes.of(report.result()), agreement.apology(),
                agreement.reparationType(), agreement.reparationHours(), report.victimSatisfaction(),
                recorded.victimSatisfied(), report.wouldRecommend(), now);
        Object closed;
        if (report.result() == AgreementResult.FAILED) {
            closed = draft.close(ClosureReason.FAILED, null, restorative, now);
        } else if (restorative) {
            closed = draft.close(ClosureReason.COMPLETED, null, true, now);
        } else {
            closed = draft.close(ClosureReason.OTHER, "not-restorative", false, now);
        }
        return Change.to(draft.build(), List.of(outcomeRecorded, closed));
    }

    /** Closes a case that ends without an outcome: failed, or other (with a short detail code). */
    public Change close(ClosureReason reason, String detail, Instant now) {
        requireOpen();
        if (reason == ClosureReason.COMPLETED) {
            throw new RuleViolation(RjRules.CLOSURE_REASON, "reason",
                    "a case is completed by recording its outcome, which checks the ACPO standards");
        }
        if (reason == ClosureReason.CONSENT_WITHDRAWN) {
            throw new RuleViolation(RjRules.CLOSURE_REASON, "reason",
                    "consent-withdrawn follows from participants withdrawing their consent");
        }
        RjCaseDraft draft = new RjCaseDraft(this);
        Object closed = draft.close(reason, detail, false, now);
        return Change.to(draft.build(), List.of(closed));
    }

    // ---------------------------------------------------------------- reading

    public boolean sensitive() {
        return !sensitivities.isEmpty();
    }

    /**
     * A victim's opt-in opened the case and its referral's category and flags are not known yet (or never will
     * be: an opt-in naming no referral). Fail safe: such a case may be sensitive, so direct contact needs a
     * manager's approval until the referral shows it is not.
     */
    public boolean referralPending() {
        return VICTIM_CASE.equals(source) && referralKnownAt == null
                && timeline.stream().noneMatch(entry -> "referral routed".equals(entry.what())); // merged before referralKnownAt was kept
    }

    /**
     * Direct contact needs a manager's approval in a sensitive case, in one whose referral is not known yet,
     * and wherever the risk was assessed high.
     */
    public boolean managerApprovalRequired() {
        return sensitive() || referralPending() || riskAssessment != null && riskAssessment.level() == RiskLevel.HIGH;
    }

    public Optional<Participant> findParticipant(String participantId) {
        return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
    }

    public Optional<Participant> findActive(String pseudonym, ParticipantRole role) {
        return participants.stream().filter(p -> p.active() && p.role() == role && p.pseudonym().equals(pseudonym)).findFirst();
    }

    /** The offender took part: consented, and had not withdrawn before the intervention took place. */
    public boolean offenderTookPart(String pseudonym) {
        if (conference == null || !conference.held()) {
            return false;
        }
        return participants.stream().anyMatch(p -> p.role() == ParticipantRole.OFFENDER && p.pseudonym().equals(pseudonym)
                && p.consent() != null && (p.withdrawnOn() == null || p.withdrawnOn().isAfter(conference.heldOn())));
    }

    public RjCaseOpened opened() {
        return new RjCaseOpened(id, source, referralId, victimCaseId, district, category, flags, sensitive(), openedAt);
    }

    private void requireReadyToMeet(InterventionType type) {
        if (riskAssessment == null) {
            throw new RuleViolation(RjRules.RISK_ASSESSMENT_BEFORE_MEETING, "riskAssessment",
                    "a risk assessment must precede any restorative meeting");
        }
        if (facilitator == null) {
            throw new RuleViolation(RjRules.FACILITATOR_BEFORE_MEETING, "facilitator", "assign a facilitator first");
        }
        if (type.directContact() && managerApprovalRequired() && managerApproval == null) {
            String why = sensitive() ? "a " + String.join("/", sensitivities) + " case"
                    : referralPending() ? "a case whose referral (so its flags and sensitivity) is not known yet"
                    : "a case assessed as high risk";
            throw new RuleViolation(RjRules.MANAGER_APPROVAL_BEFORE_DIRECT_CONTACT, "type",
                    "direct contact in " + why + " needs a manager's approval first");
        }
    }

    private int count(ParticipantRole role) {
        return (int) participants.stream().filter(p -> p.role() == role && p.consenting()).count();
    }

    private Participant participant(String participantId) {
        return findParticipant(participantId).orElseThrow(() -> new RuleViolation(RjRules.PARTICIPANT_KNOWN,
                "participantId", "no such participant in this case"));
    }

    private void requireOpen() {
        if (status == RjCaseStatus.CLOSED) {
            throw new RuleViolation(RjRules.CASE_OPEN, "status", "the case is closed");
        }
    }
}
