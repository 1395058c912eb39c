package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Clock;
import java.util.Map;

import org.saferkent.platform.service.InvalidRequestException;
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

    VictimCaseWorkController(CaseWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    @PostMapping("/contacts")
    VictimCaseView contact(@PathVariable String id, @RequestBody(required = false) ContactRequest request) {
        return perform(id, required(request).validate());
    }

    @PostMapping("/needs-assessments")
    VictimCaseView assessNeeds(@PathVariable String id, @RequestBody(required = false) NeedsAssessmentRequest request) {
        return perform(id, required(request).validate());
    }

    @PostMapping("/support-plan")
    VictimCaseView agreeSupportPlan(@PathVariable String id, @RequestBody(required = false) SupportPlanRequest request) {
        return perform(id, required(request).validate());
    }

    @PostMapping("/rj-information-offered")
    VictimCaseView offerRestorativeJusticeInformation(@PathVariable String id,
            @RequestBody(required = false) Map<String, Object> ignored) {
        return perform(id, (victimCase, now) -> victimCase.offerRestorativeJusticeInformation(now));
    }

    @PostMapping("/provider-referrals")
    VictimCaseView referToProvider(@PathVariable String id, @RequestBody(required = false) ProviderReferralRequest request) {
        return perform(id, required(request).validate());
    }

    @PostMapping("/restorative-justice-opt-in")
    VictimCaseView optIntoRestorativeJustice(@PathVariable String id,
            @RequestBody(required = false) Map<String, Object> ignored) {
        return perform(id, (victimCase, now) -> victimCase.optIntoRestorativeJustice(now));
    }

    @PostMapping("/outcomes")
    VictimCaseView recordOutcome(@PathVariable String id, @RequestBody(required = false) OutcomesRequest request) {
        return perform(id, required(request).validate());
    }

    @PostMapping("/closure")
    VictimCaseView close(@PathVariable String id, @RequestBody(required = false) ClosureRequest request) {
        return perform(id, required(request).validate());
    }

    private VictimCaseView perform(String id, CaseDecision decision) {
        try {
            return VictimCaseView.of(work.perform(id, decision), clock.instant());
        } catch (RuleViolation e) {
            throw FieldProblems.of(e);
        }
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw InvalidRequestException.of("$", "is required: a JSON object");
        }
        return body;
    }
}
