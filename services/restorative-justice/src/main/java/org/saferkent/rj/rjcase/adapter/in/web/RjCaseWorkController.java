package org.saferkent.rj.rjcase.adapter.in.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiFunction;

import jakarta.validation.Validator;

import org.saferkent.platform.service.RequestProblems;
import org.saferkent.platform.service.security.Caller;
import org.saferkent.rj.rjcase.application.CaseWork;
import org.saferkent.rj.rjcase.domain.Change;
import org.saferkent.rj.rjcase.domain.OutcomeReport;
import org.saferkent.rj.rjcase.domain.Participant;
import org.saferkent.rj.rjcase.domain.RjCase;
import org.saferkent.rj.web.KentDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Facilitators' work on a case. Each answers with the case as it now is. Bad input is a 422 problem
 * naming every field; a rule the case would break is a 409 problem naming the rule; an unknown case
 * is a 404 — and then nothing is stored or published.
 */
@RestController
@RequestMapping("/api/rj-cases/{id}")
class RjCaseWorkController {

    private final CaseWork work;
    private final Clock clock;
    private final Validator validator;

    RjCaseWorkController(CaseWork work, Clock clock, Validator validator) {
        this.work = work;
        this.clock = clock;
        this.validator = validator;
    }

    /** 201 with the case and the new participant's location; 200 when they were in the case already. */
    @PostMapping("/participants")
    ResponseEntity<RjCaseView> addParticipant(@PathVariable String id, @RequestBody(required = false) ParticipantRequest request) {
        ParticipantRequest.Valid valid = RequestProblems.body(request).validate(validator);
        CaseWork.Done done = work.perform(id, (c, now) -> c.addParticipant(valid.role(), valid.pseudonym(), valid.age(), now));
        Participant participant = done.rjCase().findActive(valid.pseudonym(), valid.role()).orElseThrow();
        RjCaseView view = RjCaseView.of(done.rjCase());
        if (!done.changed()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/rj-cases/" + id + "/participants/" + participant.id())).body(view);
    }

    @PostMapping("/participants/{participantId}/consent")
    RjCaseView recordConsent(@PathVariable String id, @PathVariable String participantId,
            @RequestBody(required = false) ConsentRequest request) {
        ConsentRequest valid = RequestProblems.body(request).validate(validator);
        return perform(id, (c, now) -> c.recordConsent(participantId, valid.written(), valid.informed(), valid.recordedOn(), now));
    }

    @PostMapping("/participants/{participantId}/consent-withdrawal")
    RjCaseView withdrawConsent(@PathVariable String id, @PathVariable String participantId,
            @RequestBody(required = false) WithdrawalRequest request) {
        LocalDate withdrawnOn = (request == null ? new WithdrawalRequest(null) : request).validate(validator, today());
        return perform(id, (c, now) -> c.withdrawConsent(participantId, withdrawnOn, now));
    }

    @PostMapping("/risk-assessment")
    RjCaseView assessRisk(@PathVariable String id, @RequestBody(required = false) RiskAssessmentRequest request) {
        RiskAssessmentRequest.Valid valid = RequestProblems.body(request).validate(validator, callerName());
        return perform(id, (c, now) -> c.assessRisk(valid.level(), valid.assessedBy(), valid.notes(), now));
    }

    /**
     * A manager (rj.approve, see {@link RjAccess}) approves direct contact as themselves: the approver is the token's
     * name; a body naming someone else is refused (422 on {@code approvedBy}), and so is approving one's own risk
     * assessment (409, rule {@code approver-not-assessor}). An empty body, or none, is the normal case.
     */
    @PostMapping("/manager-approval")
    RjCaseView approveDirectContact(@PathVariable String id, @RequestBody(required = false) ManagerApprovalRequest request) {
        String approvedBy = (request == null ? new ManagerApprovalRequest(null) : request).validate(validator, callerName());
        return perform(id, (c, now) -> c.approveDirectContact(approvedBy, now));
    }

    @PostMapping("/facilitator")
    RjCaseView assignFacilitator(@PathVariable String id, @RequestBody(required = false) FacilitatorRequest request) {
        String facilitator = RequestProblems.body(request).validate(validator);
        return perform(id, (c, now) -> c.assignFacilitator(facilitator, now));
    }

    @PostMapping("/conference")
    RjCaseView scheduleConference(@PathVariable String id, @RequestBody(required = false) ConferenceRequest request) {
        ConferenceRequest.Valid valid = RequestProblems.body(request).validate(validator);
        return perform(id, (c, now) -> c.scheduleConference(valid.type(), valid.scheduledFor(), now));
    }

    @PostMapping("/conference/held")
    RjCaseView recordConferenceHeld(@PathVariable String id, @RequestBody(required = false) ConferenceHeldRequest request) {
        LocalDate heldOn = RequestProblems.body(request).validate(validator);
        return perform(id, (c, now) -> c.recordConferenceHeld(heldOn, now));
    }

    @PostMapping("/outcome")
    RjCaseView recordOutcome(@PathVariable String id, @RequestBody(required = false) OutcomeRequest request) {
        OutcomeReport report = RequestProblems.body(request).validate(validator);
        return perform(id, (c, now) -> c.recordOutcome(report, now));
    }

    @PostMapping("/closure")
    RjCaseView close(@PathVariable String id, @RequestBody(required = false) ClosureRequest request) {
        ClosureRequest.Valid valid = RequestProblems.body(request).validate(validator);
        return perform(id, (c, now) -> c.close(valid.reason(), valid.detail(), now));
    }

    private RjCaseView perform(String id, BiFunction<RjCase, Instant, Change> decision) {
        return RjCaseView.of(work.perform(id, decision).rjCase());
    }

    /** Who is acting: the authenticated principal's name (a person's username, or a client's id), never the body's. */
    private static String callerName() {
        return Caller.current().map(Caller::subject).filter(name -> !name.isBlank())
                .orElseThrow(() -> new AccessDeniedException("the token names nobody"));
    }

    private LocalDate today() {
        return KentDate.today(clock);
    }
}
