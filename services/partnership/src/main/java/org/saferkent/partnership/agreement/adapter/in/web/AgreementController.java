package org.saferkent.partnership.agreement.adapter.in.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

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
import org.saferkent.partnership.vocabulary.Agencies;
import org.saferkent.partnership.vocabulary.KentDate;
import org.saferkent.partnership.web.FieldChecks;
import org.saferkent.platform.service.InvalidRequestException;
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

    /** Priority and theme codes: lower-case words joined by hyphens (what events carry; never free text). */
    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_CODE = 60;

    private final CommunitySafetyAgreements agreements;
    private final Clock clock;

    AgreementController(CommunitySafetyAgreements agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> draft(@RequestBody(required = false) DraftRequest request) {
        DraftRequest body = FieldChecks.body(request);
        FieldChecks checks = new FieldChecks();
        if (checks.required("year", body.year()) && (body.year() < CommunitySafetyAgreements.FIRST_YEAR || body.year() > 2100)) {
            checks.add("year", "must be a year from " + CommunitySafetyAgreements.FIRST_YEAR);
        }
        List<Priority> priorities = priorities(checks, body.priorities(), true);
        List<String> themes = codes(checks, "themes", body.themes());
        checks.throwIfAny();
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
        AgreeRequest body = FieldChecks.body(request);
        FieldChecks checks = new FieldChecks();
        checks.pastDate("agreedOn", body.agreedOn(), today());
        checks.throwIfAny();
        Caller caller = Caller.current().orElseThrow();
        return view(ruled(() -> agreements.perform(year(year),
                (agreement, today, now) -> agreement.agree(caller.subject(), caller.agency(), body.agreedOn(), today, now))));
    }

    @PostMapping(path = "/{year}/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> refresh(@PathVariable String year, @RequestBody(required = false) RefreshRequest request) {
        RefreshRequest body = request == null ? new RefreshRequest(null, null) : request;
        FieldChecks checks = new FieldChecks();
        List<Priority> priorities = priorities(checks, body.priorities(), false);
        List<String> themes = codes(checks, "themes", body.themes());
        checks.throwIfAny();
        CommunitySafetyAgreement next = ruled(() -> agreements.refresh(year(year), priorities, themes));
        return ResponseEntity.created(URI.create("/api/partnership/agreements/" + next.year())).body(view(next));
    }

    @PostMapping(path = "/{year}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> plan(@PathVariable String year, @RequestBody(required = false) ActionRequest request) {
        ActionRequest body = FieldChecks.body(request);
        FieldChecks checks = new FieldChecks();
        checks.text("title", body.title(), FieldChecks.MAX_TEXT);
        checks.required("priority", body.priority());
        if (checks.required("leadAgency", body.leadAgency()) && !Agencies.isKnown(body.leadAgency())) {
            checks.add("leadAgency", "is not a partner agency's code");
        }
        checks.required("dueOn", body.dueOn());
        List<String> measures = body.measures() == null ? List.of() : body.measures();
        if (measures.size() > FieldChecks.MAX_LIST) {
            checks.add("measures", "must be at most " + FieldChecks.MAX_LIST);
        } else {
            for (int i = 0; i < measures.size(); i++) {
                if (Measure.fromCode(measures.get(i)).isEmpty()) {
                    checks.add("measures[" + i + "]", "is not one of the performance framework's measures");
                }
            }
        }
        checks.throwIfAny();
        String actionId = "action-" + UUID.randomUUID();
        CommunitySafetyAgreement agreement = ruled(() -> agreements.perform(year(year), (a, today, now) ->
                a.plan(actionId, body.title().trim(), body.priority(), body.leadAgency(), body.dueOn(), measures, now)));
        return ResponseEntity.created(URI.create("/api/partnership/agreements/" + agreement.year() + "/actions/" + actionId))
                .body(view(agreement));
    }

    @PostMapping(path = "/{year}/actions/{actionId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementView status(@PathVariable String year, @PathVariable String actionId,
            @RequestBody(required = false) StatusRequest request) {
        StatusRequest body = FieldChecks.body(request);
        FieldChecks checks = new FieldChecks();
        ActionStatus status = null;
        if (checks.required("status", body.status())) {
            status = ActionStatus.fromCode(body.status()).orElse(null);
            if (status == null) {
                checks.add("status", "must be planned, on-track, at-risk or done");
            }
        }
        checks.throwIfAny();
        ActionStatus next = status;
        return view(ruled(() -> agreements.perform(year(year),
                (a, today, now) -> a.changeStatus(actionId, next, body.doneOn(), today, now))));
    }

    private static List<Priority> priorities(FieldChecks checks, List<PriorityRequest> given, boolean required) {
        List<Priority> priorities = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            if (required) {
                checks.add("priorities", "must name at least one priority");
            }
            return priorities;
        }
        if (given.size() > FieldChecks.MAX_LIST) {
            checks.add("priorities", "must be at most " + FieldChecks.MAX_LIST);
            return priorities;
        }
        for (int i = 0; i < given.size(); i++) {
            PriorityRequest p = given.get(i);
            if (p == null) {
                checks.add("priorities[" + i + "]", "is required");
                continue;
            }
            boolean ok = code(checks, "priorities[" + i + "].code", p.code());
            ok &= checks.text("priorities[" + i + "].title", p.title(), FieldChecks.MAX_NAME);
            if (ok) {
                priorities.add(new Priority(p.code(), p.title().trim()));
            }
        }
        return priorities;
    }

    private static List<String> codes(FieldChecks checks, String field, List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > FieldChecks.MAX_LIST) {
            checks.add(field, "must be at most " + FieldChecks.MAX_LIST);
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            code(checks, field + "[" + i + "]", given.get(i));
        }
        return given;
    }

    private static boolean code(FieldChecks checks, String field, String value) {
        if (!checks.required(field, value) || !checks.maxLength(field, value, MAX_CODE)) {
            return false;
        }
        if (!CODE.matcher(value).matches()) {
            checks.add(field, "must be a code: lower-case words joined by hyphens");
            return false;
        }
        return true;
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
