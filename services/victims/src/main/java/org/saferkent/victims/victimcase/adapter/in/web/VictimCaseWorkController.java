package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Clock;
import java.util.Map;

import jakarta.validation.Validator;

import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.ProblemResponses.FieldProblem;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.victims.victimcase.application.CaseWork;
import org.saferkent.victims.victimcase.domain.RuleViolation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case workers' work on a case. Each answers with the case as it now is; bad input is answered with
 * a problem naming every field (422, or 400 for a body that is not JSON), an unknown case with 404,
 * work on a closed case with 409 — and then nothing is stored or published.
 */
@RestController
@RequestMapping("/api/victim-cases/{id}")
class VictimCaseWorkController {

    private final CaseWork work;
    private final Clock clock;
    private final Validator validator;

    VictimCaseWorkController(CaseWork work, Clock clock, Validator validator) {
        this.work = work;
        this.clock = clock;
        this.validator = validator;
    }

    @PostMapping("/contacts")
    VictimCaseView contact(@PathVariable String id, @RequestBody(required = false) ContactRequest request) {
        return perform(id, RequestProblems.body(request).validate(validator));
    }

    @PostMapping("/needs-assessments")
    VictimCaseView assessNeeds(@PathVariable String id, @RequestBody(required = false) NeedsAssessmentRequest request) {
        return perform(id, RequestProblems.body(request).validate(validator));
    }

    @PostMapping("/support-plan")
    VictimCaseView agreeSupportPlan(@PathVariable String id, @RequestBody(required = false) SupportPlanRequest request) {
        return perform(id, RequestProblems.body(request).validate(validator));
    }

    @PostMapping("/rj-information-offered")
    VictimCaseView offerRestorativeJusticeInformation(@PathVariable String id,
            @RequestBody(required = false) Map<String, Object> ignored) {
        return perform(id, (victimCase, now) -> victimCase.offerRestorativeJusticeInformation(now));
    }

    @PostMapping("/provider-referrals")
    VictimCaseView referToProvider(@PathVariable String id, @RequestBody(required = false) ProviderReferralRequest request) {
        return perform(id, RequestProblems.body(request).validate(validator));
    }

    @PostMapping("/restorative-justice-opt-in")
    VictimCaseView optIntoRestorativeJustice(@PathVariable String id,
            @RequestBody(required = false) Map<String, Object> ignored) {
        return perform(id, (victimCase, now) -> victimCase.optIntoRestorativeJustice(now));
    }

    @PostMapping("/outcomes")
    VictimCaseView recordOutcome(@PathVariable String id, @RequestBody(required = false) OutcomesRequest request) {
        return perform(id, RequestProblems.body(request).validate(validator));
    }

    @PostMapping("/closure")
    VictimCaseView close(@PathVariable String id, @RequestBody(required = false) ClosureRequest request) {
        return perform(id, RequestProblems.body(request).validate(validator));
    }

    private VictimCaseView perform(String id, CaseDecision decision) {
        try {
            return VictimCaseView.of(work.perform(id, decision), clock.instant());
        } catch (RuleViolation e) {
            // the case's own rules, answered like any other invalid request
            throw new InvalidRequestException(e.problems().stream().map(p -> new FieldProblem(p.field(), p.message())).toList());
        }
    }

}
