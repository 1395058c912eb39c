package org.saferkent.partnership.agreement.adapter.in.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.validation.Validator;

import org.saferkent.partnership.agreement.adapter.in.web.AgreementRequests.ActionRequest;
import org.saferkent.partnership.agreement.adapter.in.web.AgreementRequests.AgreeRequest;
import org.saferkent.partnership.agreement.adapter.in.web.AgreementRequests.DraftRequest;
import org.saferkent.partnership.agreement.adapter.in.web.AgreementRequests.PriorityRequest;
import org.saferkent.partnership.agreement.adapter.in.web.AgreementRequests.RefreshRequest;
import org.saferkent.partnership.agreement.adapter.in.web.AgreementRequests.StatusRequest;
import org.saferkent.partnership.agreement.application.AgreementNotFoundException;
import org.saferkent.partnership.agreement.application.CommunitySafetyAgreements;
import org.saferkent.partnership.agreement.domain.ActionStatus;
import org.saferkent.partnership.agreement.domain.AgreementRuleViolation;
import org.saferkent.partnership.agreement.domain.CommunitySafetyAgreement;
import org.saferkent.partnership.agreement.domain.Priority;
import org.saferkent.partnership.framework.domain.Measure;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.platform.service.InvalidRequestException;
import org.saferkent.platform.service.RequestProblems;
import org.saferkent.platform.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Kent Community Safety Agreement, one a year: priorities and cross-cutting themes, agreed by the statutory
 * partners (who, from the token, and when) and refreshed into the next year's; and the county action plan, whose
 * actions have a lead agency, a due date, a status and the performance framework's measures that show progress.
 */
@RestController
@RequestMapping("/api/partnership/agreements")
class AgreementController {

    private final CommunitySafetyAgreements agreements;
    private final Clock clock;
    private final Validator validator;

    AgreementController(CommunitySafetyAgreements agreements, Clock clock, Validator validator) {
        this.agreements = agreements;
        this.clock = clock;
        this.validator = validator;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> draft(@RequestBody(required = false) DraftRequest request) {
        DraftRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        List<Priority> priorities = priorities(body.priorities());
        List<String> themes = body.themes() == null ? List.of() : body.themes();
        CommunitySafetyAgreement agreement = ruled(() -> agreements.draft(body.year(), priorities, themes));
        return ResponseEntity.created(URI.create("/api/partnership/agreements/" + agreement.year())).body(view(agreement));
    }

    @GetMapping
    List<AgreementView> all() {
        return agreements.all().stream().map(this::view).toList();
    }

    @GetMapping("/{year}")
    AgreementView find(@PathVariable String year) {
        int parsed = year(year);
        return view(agreements.find(parsed).orElseThrow(() -> new AgreementNotFoundException(parsed)));
    }

    @PostMapping(path = "/{year}/agreement", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementView agree(@PathVariable String year, @RequestBody(required = false) AgreeRequest request) {
        AgreeRequest body = RequestProblems.body(request);
        RequestProblems.of(validator, body).throwIfAny();
        Caller caller = Caller.current().orElseThrow();
        return view(ruled(() -> agreements.perform(year(year),
                (agreement, today, now) -> agreement.agree(caller.subject(), caller.agency(), body.agreedOn(), today, now))));
    }

    @PostMapping(path = "/{year}/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> refresh(@PathVariable String year, @RequestBody(required = false) RefreshRequest request) {
        RefreshRequest body = request == null ? new RefreshRequest(null, null) : request;
        RequestProblems.of(validator, body).throwIfAny();
        List<Priority> priorities = priorities(body.priorities());
        List<String> themes = body.themes() == null ? List.of() : body.themes();
        CommunitySafetyAgreement next = ruled(() -> agreements.refresh(year(year), priorities, themes));
        return ResponseEntity.created(URI.create("/api/partnership/agreements/" + next.year())).body(view(next));
    }

    @PostMapping(path = "/{year}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> plan(@PathVariable String year, @RequestBody(required = false) ActionRequest request) {
        ActionRequest body = RequestProblems.body(request);
        RequestProblems problems = RequestProblems.of(validator, body);
        List<String> measures = body.measures() == null ? List.of() : body.measures();
        if (problems.isValid("measures")) {
            // the framework's measures are the domain's, looked up here
            for (int i = 0; i < measures.size(); i++) {
                if (Measure.fromCode(measures.get(i)).isEmpty()) {
                    problems.add("measures[" + i + "]", "is not one of the performance framework's measures");
                }
            }
        }
        problems.throwIfAny();
        String actionId = "action-" + UUID.randomUUID();
        CommunitySafetyAgreement agreement = ruled(() -> agreements.perform(year(year), (a, today, now) ->
                a.plan(actionId, body.title().trim(), body.priority(), body.leadAgency(), body.dueOn(), measures, now)));
        return ResponseEntity.created(URI.create("/api/partnership/agreements/" + agreement.year() + "/actions/" + actionId))
                .body(view(agreement));
    }

    @PostMapping(path = "/{year}/actions/{actionId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementView status(@PathVariable String year, @PathVariable String actionId,
            @RequestBody(required = false) StatusRequest request) {
        StatusRequest body = RequestProblems.body(request);
        RequestProblems problems = RequestProblems.of(validator, body);
        ActionStatus status = ActionStatus.fromCode(body.status()).orElse(null);
        if (problems.isValid("status") && status == null) {
            problems.add("status", "must be planned, on-track, at-risk or done");
        }
        problems.throwIfAny();
        ActionStatus next = status;
        return view(ruled(() -> agreements.perform(year(year),
                (a, today, now) -> a.changeStatus(actionId, next, body.doneOn(), today, now))));
    }

    private static List<Priority> priorities(List<PriorityRequest> given) {
        return given == null ? List.of() : given.stream().map(p -> new Priority(p.code(), p.title().trim())).toList();
    }

    private static int year(String year) {
        try {
            int parsed = Integer.parseInt(year.trim());
            if (parsed >= CommunitySafetyAgreements.FIRST_YEAR && parsed <= 2100) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.of("year", "must be a year from " + CommunitySafetyAgreements.FIRST_YEAR);
    }

    private static <T> T ruled(Supplier<T> action) {
        try {
            return action.get();
        } catch (AgreementRuleViolation e) {
            if (e.invalid()) {
                throw InvalidRequestException.of(e.field(), e.getMessage());
            }
            throw e;
        }
    }

    private AgreementView view(CommunitySafetyAgreement agreement) {
        return AgreementView.of(agreement, today());
    }

    private LocalDate today() {
        return KentDate.today(clock);
    }
}
