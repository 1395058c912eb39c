package org.saferkent.victims.victimcase.adapter.in.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.saferkent.platform.dataprotection.PersonalDataErasedException;
import org.saferkent.platform.outbox.Loaded;
import org.saferkent.victims.victimcase.adapter.out.persistence.VictimDetailsStore;
import org.saferkent.victims.victimcase.application.CaseNotFoundException;
import org.saferkent.victims.victimcase.application.VictimCaseQueries;
import org.saferkent.victims.victimcase.domain.TimelineEntry;
import org.saferkent.victims.victimcase.domain.VictimCase;
import org.saferkent.victims.victimcase.domain.VictimDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.saferkent.platform.service.security.PersonalDataAudit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Case workers' reads. (Access control: the security issue.) */
@RestController
@RequestMapping("/api/victim-cases")
class VictimCaseController {

    static final int MAX_PAGE_SIZE = 200;

    record PageView(List<VictimCaseSummary> items, int page, int size, long total) {
    }

    private final VictimCaseQueries queries;
    private final VictimDetailsStore details;
    private final PersonalDataAudit audit;
    private final Clock clock;
    private final Validator validator;

    VictimCaseController(VictimCaseQueries queries, VictimDetailsStore details, PersonalDataAudit audit, Clock clock,
            Validator validator) {
        this.audit = audit;
        this.clock = clock;
        this.validator = validator;
        this.queries = queries;
        this.details = details;
    }

    @GetMapping("/{id}")
    VictimCaseView find(@PathVariable String id) {
        return VictimCaseView.of(load(id), clock.instant());
    }

    /** The case opened for a referral, or joined by it as a duplicate. */
    @GetMapping(params = "referralId")
    VictimCaseView byReferral(@RequestParam String referralId) {
        return queries.forReferral(referralId).map(loaded -> VictimCaseView.of(loaded, clock.instant()))
                .orElseThrow(() -> new CaseNotFoundException(VictimCase.idFor(referralId)));
    }

    /**
     * Filters: status (open, closed), district, enhanced (true, false), dueBefore (a time limit still open falls
     * due before it). Order ({@code sort}): {@code newest} (the default), or {@code nextDeadline}, the
     * caseworker's queue: open cases by the Victims' Code deadline still to act on, the overdue first, then
     * those with none left (open cases only: status open or left out).
     */
    @GetMapping
    PageView list(@RequestParam(required = false) String status, @RequestParam(required = false) String district,
            @RequestParam(required = false) String enhanced, @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        CaseListQuery.Valid query = new CaseListQuery(status, district, enhanced, dueBefore, page, size, sort).validate(validator);
        VictimCaseQueries.Page result = queries.list(query.filter(), query.order(), query.page(), query.size());
        Instant now = clock.instant();
        return new PageView(result.items().stream().map(c -> VictimCaseSummary.of(c, now)).toList(), result.page(),
                result.size(), result.total());
    }

    /** The case's history: opened, contacts, assessments, plan, referrals on, deadlines missed, closure. */
    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable String id) {
        return load(id).state().timeline();
    }

    /**
     * The victim's personal details, fetched from referrals when the case opened. 404 while they have
     * not arrived ({@code detailsPending: true}) or when referrals holds none. Case workers only
     * (victims.personal); every read is written to the audit trail, its purpose {@code case-work} unless
     * the request says otherwise ({@code X-Access-Purpose}).
     */
    @GetMapping("/{id}/details")
    ResponseEntity<?> details(@PathVariable String id, HttpServletRequest request) {
        VictimCase victimCase = load(id).state();
        Optional<VictimDetails> held;
        try {
            held = details.find(id);
        } catch (PersonalDataErasedException erased) {
            audit.personalDataRead(request, "victim-details", id, "case-work", "erased");
            throw erased; // answered 410 by the data protection module
        }
        audit.personalDataRead(request, "victim-details", id, "case-work", held.isPresent());
        return held.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, victimCase.detailsPending()
                    ? "The victim's personal details have not arrived from referrals yet."
                    : "No personal details are held for this case.");
            problem.setTitle("Personal details not available");
            problem.setProperty("detailsPending", victimCase.detailsPending());
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
    }

    private Loaded<VictimCase> load(String id) {
        return queries.find(id).orElseThrow(() -> new CaseNotFoundException(id));
    }
}
